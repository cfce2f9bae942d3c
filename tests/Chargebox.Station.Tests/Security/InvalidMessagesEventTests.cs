using Chargebox.Station.Security;
using Chargebox.Station.Storage;
using Chargebox.Station.Tests.Transactions;
using Chargebox.Testing.Csms;

namespace Chargebox.Station.Tests.Security;

/// <summary>Part 2 Appendix 1 InvalidMessages: a message from the CSMS that is not valid OCPP is answered with
/// a CALLERROR and kept in the security log, rate limited, and never sent as a SecurityEventNotification
/// (the event is not critical).</summary>
public sealed class InvalidMessagesEventTests
{
    private const string BrokenReset = """[2,"{0}","Reset",{{"type":"Sometimes"}}]""";

    [Fact]
    public async Task Malformed_call_from_the_csms_is_logged_as_InvalidMessages_and_not_notified()
    {
        await using var harness = await StationHarness.StartAsync();

        await SendBrokenAsync(harness, "bad-1");
        var logged = await InvalidMessagesLoggedAsync(harness, 1);

        var entry = Assert.Single(logged);
        Assert.Equal("PropertyConstraintViolation: CALL Reset payload", entry.TechInfo);
        Assert.DoesNotContain("Sometimes", entry.TechInfo, StringComparison.Ordinal);
        Assert.DoesNotContain(
            harness.Connection.Frames,
            f => f.Direction == FrameDirection.FromStation && f.Text.Contains("SecurityEventNotification", StringComparison.Ordinal)
                && f.Text.Contains(SecurityEventType.InvalidMessages, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_flood_is_logged_once_a_minute_with_the_count_left_out()
    {
        await using var harness = await StationHarness.StartAsync();

        await SendBrokenAsync(harness, "bad-1");
        await SendBrokenAsync(harness, "bad-2");
        await SendBrokenAsync(harness, "bad-3");
        await harness.SettleAsync();
        Assert.Single(await InvalidMessagesLoggedAsync(harness, 1));

        harness.Time.Advance(InvalidMessageReports.Interval);
        await SendBrokenAsync(harness, "bad-4");
        var logged = await InvalidMessagesLoggedAsync(harness, 2);

        Assert.Equal(2, logged.Count);
        Assert.Contains("+2 more", logged[1].TechInfo, StringComparison.Ordinal);
    }

    private static async Task SendBrokenAsync(StationHarness harness, string messageId)
    {
        await harness.Connection.SendRawAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, BrokenReset, messageId));
        await harness.Connection.ExpectFrameAsync(
            f => f.Direction == FrameDirection.FromStation && f.Text.StartsWith($"[4,\"{messageId}\"", StringComparison.Ordinal),
            StationHarness.Wait);
    }

    /// <summary>The InvalidMessages entries once there are <paramref name="expected"/> (the loop writes them
    /// after the CALLERROR is sent), or what there is after a bounded wait.</summary>
    private static async Task<IReadOnlyList<SecurityLogRecord>> InvalidMessagesLoggedAsync(StationHarness harness, int expected)
    {
        IReadOnlyList<SecurityLogRecord> found = [];
        for (var i = 0; i < 200; i++)
        {
            await harness.SettleAsync();
            var all = await harness.Store.SecurityLog.ReadAsync(null, null, CancellationToken.None);
            found = [.. all.Where(r => r.Type == SecurityEventType.InvalidMessages)];
            if (found.Count >= expected)
            {
                break;
            }

            await Task.Delay(10);
        }

        return found;
    }
}
