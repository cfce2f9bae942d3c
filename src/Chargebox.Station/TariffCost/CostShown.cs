namespace Chargebox.Station;

/// <summary>What the display shows a driver of tariff and cost (functional block I), for its host.</summary>
/// <param name="TransactionId">The transaction the cost belongs to; null for a driver authorized before a
/// transaction started.</param>
/// <param name="Tariff">The tariff text: the personal message of the CSMS, or TariffFallbackMessage.</param>
/// <param name="Cost">The running cost (I02) or, once <paramref name="Final"/>, the total cost (I03).</param>
/// <param name="Currency">TariffCostCtrlr.Currency (ISO 4217).</param>
/// <param name="Final">Whether the transaction has ended and <paramref name="Cost"/> is its total.</param>
/// <param name="CostMessage">TotalCostFallbackMessage when the CSMS gave no total cost at the end.</param>
public sealed record CostShown(string? TransactionId, string? Tariff, decimal? Cost, string Currency, bool Final, string? CostMessage);
