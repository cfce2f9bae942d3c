using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Files;
using Chargebox.Transport.FileTransfer;

namespace Chargebox.Conformance.Tests.Diagnostics;

/// <summary>F06 TriggerMessage LogStatusNotification (Part 6, TC_F_15 and TC_F_16; PICS C-29.3).</summary>
public sealed class TriggerLogStatusNotificationTests
{
    [Fact]
    public async Task TC_F_15_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. TriggerMessage LogStatusNotification: Accepted.
        var response = await sut.Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.LogStatusNotification }, StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, response.Status);

        // 3-4. Idle, without a requestId: no upload is running (N01.FR.13).
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Idle, requestId: null);
    }

    [Fact]
    public async Task TC_F_16_CS()
    {
        const int requestId = 16;
        await using var server = await TestHttpFileServer.StartAsync();
        GatedFileTransfer? gate = null;
        await using var sut = await StationUnderTest.StartBootedAsync(new StationUnderTestSetup
        {
            Station = options => options with { FileTransfer = gate ??= new GatedFileTransfer(DefaultFileTransfer.Create()) },
        });

        // 1-4. GetLog DiagnosticsLog to the configured log location: Accepted, then Uploading.
        var getLog = await sut.GetLogAsync(LogEnumType.DiagnosticsLog, new Uri(server.BaseUrl, "logs/"), requestId);
        Assert.Equal(LogStatusEnumType.Accepted, getLog.Status);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, requestId);
        await gate!.Started.WaitAsync(StationUnderTest.Timeout);

        // 5-8. TriggerMessage LogStatusNotification while uploading: Accepted, then Uploading with the request's id.
        var trigger = await sut.Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.LogStatusNotification }, StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, requestId);

        gate.Open();
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploaded, requestId);
    }
}
