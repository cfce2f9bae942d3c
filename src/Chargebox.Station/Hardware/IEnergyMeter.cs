namespace Chargebox.Station.Hardware;

/// <summary>The energy meter of one EVSE.</summary>
public interface IEnergyMeter
{
    /// <summary>Takes a reading now.</summary>
    ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken);
}

/// <summary>One reading of a meter. Per-phase lists have one entry per phase in use (L1, L2, L3).</summary>
/// <param name="Timestamp">When the reading was taken (station clock, UTC).</param>
/// <param name="EnergyActiveImportWh">The register: energy delivered since the meter was made, in Wh (Energy.Active.Import.Register).</param>
/// <param name="PowerActiveImportW">Active power now, in W (Power.Active.Import).</param>
/// <param name="CurrentImportA">Current per phase, in A (Current.Import).</param>
/// <param name="VoltageV">Voltage per phase to neutral, in V (Voltage).</param>
/// <param name="CurrentOfferedA">The current offered to the EV, in A (Current.Offered).</param>
public sealed record MeterReading(
    DateTimeOffset Timestamp,
    decimal EnergyActiveImportWh,
    decimal PowerActiveImportW,
    IReadOnlyList<decimal> CurrentImportA,
    IReadOnlyList<decimal> VoltageV,
    decimal CurrentOfferedA);
