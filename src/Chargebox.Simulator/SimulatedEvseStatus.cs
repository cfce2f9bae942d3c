namespace Chargebox.Simulator;

/// <summary>A snapshot of one simulated EVSE for the control API and tests. Figures as the meter would
/// read them at the same instant.</summary>
public sealed record SimulatedEvseStatus(
    int EvseId,
    bool Plugged,
    int? PluggedConnectorId,
    bool EvDemanding,
    decimal? EvStateOfChargePercent,
    bool RelayClosed,
    decimal OfferedCurrentA,
    decimal EnergyWh,
    decimal PowerW,
    IReadOnlyList<decimal> CurrentA,
    IReadOnlyList<decimal> VoltageV,
    IReadOnlyList<SimulatedConnectorStatus> Connectors);

/// <summary>A snapshot of one connector of a simulated EVSE.</summary>
public sealed record SimulatedConnectorStatus(int ConnectorId, bool CableConnected, bool Faulted, bool HasLock, bool Locked);
