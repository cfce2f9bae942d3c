namespace Chargebox.Station.Hardware;

/// <summary>What the station asks of the charger as a whole: restarting it.</summary>
public interface IStationPower
{
    /// <summary>Restarts the charging station (Reset). A real charger reboots; the simulator restarts the
    /// station in process. Volatile state is lost, persisted state is kept.</summary>
    ValueTask RebootAsync(CancellationToken cancellationToken);
}
