namespace Chargebox.Station.Hardware;

/// <summary>The hardware a station runs on, handed to it at construction: a charger maker's drivers, or
/// the simulator's.</summary>
public sealed class StationHardware
{
    /// <summary>The EVSEs, ids 1..n in order.</summary>
    public required IReadOnlyList<IEvseHardware> Evses { get; init; }

    public required IStationPower Power { get; init; }

    /// <summary>Installs firmware (L01); without one the station rejects UpdateFirmware.</summary>
    public IFirmwareInstaller? FirmwareInstaller { get; init; }

    public IEvseHardware? FindEvse(int evseId) => evseId >= 1 && evseId <= Evses.Count && Evses[evseId - 1].EvseId == evseId
        ? Evses[evseId - 1]
        : Evses.FirstOrDefault(e => e.EvseId == evseId);
}
