namespace Chargebox.Station.Security;

/// <summary>Turns the RPC layer's reports of invalid inbound messages into the security event InvalidMessages
/// (Part 2 Appendix 1; not critical, so the security log only). At most one entry per <see cref="Interval"/> on
/// the station's clock, so a CSMS (or anyone on the line) flooding the station cannot fill the bounded log and
/// push older events out; the entry after a quiet spell says how many were left out. Runs on the loop.</summary>
internal sealed class InvalidMessageReports
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ISecurityEvents _events;
    private readonly TimeProvider _clock;
    private DateTimeOffset? _lastLogged;
    private int _suppressed;

    public InvalidMessageReports(ISecurityEvents events, TimeProvider clock)
    {
        _events = events;
        _clock = clock;
    }

    public void Report(string description)
    {
        var now = _clock.GetUtcNow();
        if (_lastLogged is { } last && now - last < Interval && now >= last)
        {
            _suppressed++;
            return;
        }

        var techInfo = _suppressed == 0
            ? description
            : FormattableString.Invariant($"{description} (+{_suppressed} more since the previous entry)");
        _lastLogged = now;
        _suppressed = 0;
        _events.Raise(SecurityEventType.InvalidMessages, techInfo);
    }
}
