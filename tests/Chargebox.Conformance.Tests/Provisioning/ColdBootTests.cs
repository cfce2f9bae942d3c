using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;

namespace Chargebox.Conformance.Tests.Provisioning;

/// <summary>B01 to B03: Cold Boot Charging Station (Part 6, TC_B_01, TC_B_02, TC_B_03, TC_B_30).</summary>
public sealed class ColdBootTests
{
    private const int HeartbeatInterval = 300;

    [Fact]
    public async Task TC_B_01_CS()
    {
        await using var sut = await StationUnderTest.StartAsync();

        // 1. Execute Reusable State Booted (power-up).
        var boot = await sut.AcceptBootAsync();

        // B01.FR.01: the BootNotificationRequest says why and who.
        Assert.Equal(BootReasonEnumType.PowerUp, boot.Reason);
        Assert.False(string.IsNullOrEmpty(boot.ChargingStation.Model));
        Assert.False(string.IsNullOrEmpty(boot.ChargingStation.VendorName));
    }

    [Fact]
    public async Task TC_B_02_CS()
    {
        // Manual Action: Reboot the Charging Station (a power-up here).
        await using var sut = await StationUnderTest.StartAsync();

        // 1-2. BootNotification answered Pending.
        await sut.ExpectBootNotificationAsync(RegistrationStatusEnumType.Pending, HeartbeatInterval);

        // 3-4. SetVariables OfflineThreshold 300, attributeType omitted.
        var set = await sut.SetVariableAsync("OCPPCommCtrlr", "OfflineThreshold", "300");
        Assert.Equal(SetVariableStatusEnumType.Accepted, set.AttributeStatus);

        // 5-6. GetVariables OfflineThreshold.
        var get = await sut.GetVariableAsync("OCPPCommCtrlr", "OfflineThreshold");
        Assert.Equal(GetVariableStatusEnumType.Accepted, get.AttributeStatus);

        // 7-10. GetBaseReport FullInventory, then every NotifyReport part (B02.FR.xx: the CSMS may configure a
        // pending station, and the station answers).
        var report = await sut.Connection.CallAsync(new GetBaseReportRequest { RequestId = 202, ReportBase = ReportBaseEnumType.FullInventory }, StationUnderTest.Timeout);
        Assert.Equal(GenericDeviceModelStatusEnumType.Accepted, report.Status);
        Assert.NotEmpty(await sut.ExpectReportAsync(202));

        // 11-12. RequestStartTransaction while Pending: Rejected (B02.FR.05).
        var start = await sut.Connection.CallAsync(
            new RequestStartTransactionRequest { IdToken = new IdTokenType { IdToken = "B02TOKEN", Type = IdTokenEnumType.ISO14443 }, RemoteStartId = 202 },
            StationUnderTest.Timeout);
        Assert.Equal(RequestStartStopStatusEnumType.Rejected, start.Status);

        // 13-14. TriggerMessage BootNotification: Accepted (F06.FR.17).
        var trigger = await sut.Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.BootNotification }, StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);

        // 15-16. The BootNotification comes at once, before the Pending interval passed, with reason Triggered.
        var sentAt = sut.Time.GetUtcNow();
        var boot = await sut.ExpectBootNotificationAsync(RegistrationStatusEnumType.Accepted, HeartbeatInterval);
        Assert.Equal(BootReasonEnumType.Triggered, boot.Reason);
        Assert.Equal(sentAt, sut.Time.GetUtcNow());

        // 17-18. Every connector reported Available.
        var reported = await sut.ExpectEveryConnectorReportedAsync();
        Assert.All(reported.Values, status => Assert.Equal(ConnectorStatusEnumType.Available, status));
    }

    [Fact]
    public async Task TC_B_03_CS()
    {
        // Manual Action: Reboot the Charging Station (a power-up here).
        await using var sut = await StationUnderTest.StartAsync();
        var retryArmed = sut.Time.NextTimer(TimeSpan.FromSeconds(HeartbeatInterval));

        // 1-2. BootNotification answered Rejected with the interval.
        await sut.ExpectBootNotificationAsync(RegistrationStatusEnumType.Rejected, HeartbeatInterval);
        var rejectedAt = sut.Time.GetUtcNow();
        var framesWhenRejected = sut.Connection.Frames.Count;

        // 3. The station resends only after the interval (B03.FR.02) and sends nothing meanwhile (B03.FR.04).
        await retryArmed.WaitAsync(StationUnderTest.Timeout);
        sut.Time.Advance(TimeSpan.FromSeconds(HeartbeatInterval) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(framesWhenRejected, sut.Connection.Frames.Count);
        sut.Time.Advance(TimeSpan.FromMilliseconds(1));

        // 4. Accepted this time.
        var retry = await sut.Connection.ExpectCallAsync<BootNotificationRequest>(StationUnderTest.Timeout);
        Assert.True(sut.Time.GetUtcNow() - rejectedAt >= TimeSpan.FromSeconds(HeartbeatInterval));
        Assert.Equal(framesWhenRejected, sut.Connection.Frames.Count - 1);
        await sut.Connection.ReplyAsync(retry, new BootNotificationResponse { CurrentTime = sut.Time.GetUtcNow(), Interval = HeartbeatInterval, Status = RegistrationStatusEnumType.Accepted });

        // 5-6. Every connector reported Available.
        var reported = await sut.ExpectEveryConnectorReportedAsync();
        Assert.All(reported.Values, status => Assert.Equal(ConnectorStatusEnumType.Available, status));
    }

    [Fact]
    public async Task TC_B_30_CS()
    {
        await using var sut = await StationUnderTest.StartAsync();

        // 1-2. BootNotification answered Rejected.
        await sut.ExpectBootNotificationAsync(RegistrationStatusEnumType.Rejected, HeartbeatInterval);

        // 3-4. A CSMS request while rejected: CALLERROR SecurityError (B03.FR.08).
        var outcome = await sut.Connection.CallAsync("GetBaseReport", new { requestId = 30, reportBase = "FullInventory" }, StationUnderTest.Timeout);
        Assert.True(outcome.IsError);
        Assert.Equal("SecurityError", outcome.ErrorCode);
    }
}
