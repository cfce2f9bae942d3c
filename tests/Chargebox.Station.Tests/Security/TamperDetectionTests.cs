using Chargebox.Station.Tests.Transactions;

namespace Chargebox.Station.Tests.Security;

/// <summary>A04: the tamper sensor's event reaches the CSMS (critical) and the security log.</summary>
public sealed class TamperDetectionTests
{
    [Fact]
    public async Task A04_TamperSensor_SecurityEventNotificationTamperDetectionActivated()
    {
        await using var h = await StationHarness.StartAsync();

        h.Charger.TriggerTamperSensor("enclosure door opened");

        await h.Connection.ExpectFrameAsync(
            f => f.Text.Contains("\"SecurityEventNotification\"", StringComparison.Ordinal)
                && f.Text.Contains("\"TamperDetectionActivated\"", StringComparison.Ordinal)
                && f.Text.Contains("enclosure door opened", StringComparison.Ordinal),
            StationHarness.Wait);
        var logged = await h.Store.SecurityLog.ReadAsync(null, null, CancellationToken.None);
        Assert.Contains(logged, e => e.Type == "TamperDetectionActivated" && e.TechInfo == "enclosure door opened");
    }
}
