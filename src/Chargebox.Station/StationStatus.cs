using Chargebox.Protocol.Messages;

namespace Chargebox.Station;

/// <summary>A snapshot of a station for its host (control API, dashboard, fleet mode), taken on the loop.</summary>
public sealed record StationStatus(
    string StationId,
    bool Connected,
    RegistrationStatusEnumType? Registration,
    IReadOnlyList<EvseStatus> Evses);

public sealed record EvseStatus(int Id, IReadOnlyList<ConnectorStatus> Connectors);

public sealed record ConnectorStatus(int Id, ConnectorStatusEnumType Status);
