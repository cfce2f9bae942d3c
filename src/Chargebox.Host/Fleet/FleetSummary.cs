using System.Globalization;

namespace Chargebox.Host.Fleet;

/// <summary>A snapshot of a fleet: the periodic summary line and <c>GET /api/fleet</c>.</summary>
internal sealed record FleetSummary(
    int Stations,
    int Started,
    int Connected,
    int Accepted,
    int Charging,
    long TransactionsStarted,
    long TransactionsEnded,
    long Errors)
{
    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"fleet: {Started}/{Stations} started, {Connected} connected, {Accepted} accepted, {Charging} charging, transactions {TransactionsStarted} started / {TransactionsEnded} ended, {Errors} errors");
}
