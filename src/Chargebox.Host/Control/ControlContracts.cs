namespace Chargebox.Host.Control;

// The JSON documents of the control API (docs/control-api.md). Names and shapes are a stable contract:
// add fields, never rename or remove them.

internal sealed record StatusDocument(string StationId, bool Connected, string Registration, IReadOnlyList<EvseDocument> Evses, IReadOnlyList<DisplayDocument>? Display = null, IReadOnlyList<CostDocument>? Cost = null);

/// <summary>A message on the station's display now (block O); the list is front first, null for a station without a display.</summary>
internal sealed record DisplayDocument(int Id, string Priority, string Format, string Content, string? TransactionId);

/// <summary>The tariff and cost a driver sees (block I): running, or the total once <c>final</c>.</summary>
internal sealed record CostDocument(string? TransactionId, string? Tariff, decimal? Cost, string Currency, bool Final, string? CostMessage);

internal sealed record EvseDocument(int Id, IReadOnlyList<ConnectorDocument> Connectors, TransactionDocument? Transaction, MeterDocument Meter);

internal sealed record ConnectorDocument(int Id, string Status);

internal sealed record TransactionDocument(string TransactionId, string? ChargingState);

/// <param name="EnergyWh">The meter's register.</param>
/// <param name="PowerW">Active power now.</param>
/// <param name="CurrentA">The highest phase current.</param>
/// <param name="VoltageV">The voltage of the first phase (DC: the output).</param>
internal sealed record MeterDocument(decimal EnergyWh, decimal PowerW, decimal CurrentA, decimal VoltageV);

internal sealed record EvRequest(bool? Charging);

internal sealed record TokenRequest(string? IdToken, string? Type, int? EvseId);

internal sealed record FaultRequest(bool? Faulted, int? ConnectorId);

internal sealed record NetworkRequest(bool? Online);

internal sealed record ErrorDocument(string Error);
