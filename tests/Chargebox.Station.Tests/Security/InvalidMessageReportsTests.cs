using Chargebox.Station.Security;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Security;

/// <summary>The rate limit on its own: one entry per interval on the station clock, the next one counting
/// those left out.</summary>
public sealed class InvalidMessageReportsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingEvents _events = new();

    [Fact]
    public void Reports_within_the_interval_are_counted_into_the_next_entry()
    {
        var reports = new InvalidMessageReports(_events, _time);

        reports.Report("FormatViolation: broken frame");
        _time.Advance(TimeSpan.FromSeconds(59));
        reports.Report("ProtocolError: broken frame");
        reports.Report("ProtocolError: broken frame");
        _time.Advance(TimeSpan.FromSeconds(1));
        reports.Report("NotImplemented: CALL of unknown action X");
        reports.Report("NotImplemented: CALL of unknown action X");

        Assert.Equal(
            [
                (SecurityEventType.InvalidMessages, "FormatViolation: broken frame"),
                (SecurityEventType.InvalidMessages, "NotImplemented: CALL of unknown action X (+2 more since the previous entry)"),
            ],
            _events.Raised);
    }

    private sealed class RecordingEvents : ISecurityEvents
    {
        public List<(string Type, string? TechInfo)> Raised { get; } = [];

        public void Raise(string type, string? techInfo = null) => Raised.Add((type, techInfo));
    }
}
