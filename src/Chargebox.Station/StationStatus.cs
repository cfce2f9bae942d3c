using Chargebox.Protocol.Messages;

namespace Chargebox.Station;

/// <summary>A snapshot of a station for its host (control API, dashboard, fleet mode), taken on the loop.
/// <see cref="Display"/> is what the display shows now, front first (empty: nothing), or null for a station
/// without a display. <see cref="Cost"/> is the tariff and cost shown (block I), or null for a station without
/// tariffCost.</summary>
public sealed record StationStatus(
    string StationId,
    bool Connected,
    RegistrationStatusEnumType? Registration,
    IReadOnlyList<EvseStatus> Evses,
    IReadOnlyList<DisplayedMessage>? Display = null,
    IReadOnlyList<CostShown>? Cost = null);

/// <summary>One EVSE; <see cref="Transaction"/> is null when none runs (and until the station runs transactions).</summary>
public sealed record EvseStatus(int Id, IReadOnlyList<ConnectorStatus> Connectors, TransactionStatus? Transaction = null);

/// <summary>The transaction running on an EVSE, as the host shows it.</summary>
public sealed record TransactionStatus(string TransactionId, ChargingStateEnumType? ChargingState);

public sealed record ConnectorStatus(int Id, ConnectorStatusEnumType Status);
