using Chargebox.Host.Runtime;
using Chargebox.Protocol.Messages;
using Chargebox.Station;

namespace Chargebox.Host.Fleet;

/// <summary>One station of a fleet: its simulated station and, in the charge scenario, the driver who uses it.
/// The driver steers the hardware only (plug, card, unplug), as a person would, and reads the station's
/// status to know when a transaction has started or ended.</summary>
internal sealed class FleetMember(SimulatedStation station, FleetScenario scenario, ChargeSessions sessions) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _driver;

    public string Identity => station.Identity;

    public SimulatedStation Station => station;

    /// <summary>Starts the scenario's driver (nothing for idle).</summary>
    public void Start()
    {
        if (scenario == FleetScenario.Charge)
        {
            _driver = Task.Run(() => sessions.RunAsync(station, _stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>The station's state; null once it is gone (stopping).</summary>
    public async Task<StationStatus?> GetStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (status, _) = await station.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            return status;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    public static bool IsAccepted(StationStatus? status) =>
        status is { Connected: true, Registration: RegistrationStatusEnumType.Accepted };

    public static bool IsCharging(StationStatus? status) =>
        status is not null && status.Evses.Any(e => e.Transaction?.ChargingState == ChargingStateEnumType.Charging);

    /// <summary>Stops the driver, then the station (closing its connection normally).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_driver is not null)
        {
            await _driver.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await station.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
