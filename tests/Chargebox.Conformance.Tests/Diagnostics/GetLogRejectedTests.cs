using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Files;

namespace Chargebox.Conformance.Tests.Diagnostics;

/// <summary>N01.FR.05 (TC_N_34): when the requested log information is not available the station answers
/// GetLog Rejected, uploads nothing and sends no LogStatusNotification.</summary>
public sealed class GetLogRejectedTests
{
    private const int RequestId = 34;

    // TC_N_34's prerequisite, a station without log information, is one whose diagnostics log is turned off.
    [Fact]
    public async Task TC_N_34_CS()
    {
        await using var server = await TestHttpFileServer.StartAsync();
        await using var sut = await StationUnderTest.StartBootedAsync(new StationUnderTestSetup
        {
            Station = options => options with { DiagnosticsLogCapacity = 0 },
        });

        // 1-2. GetLog DiagnosticsLog: Rejected.
        var response = await sut.GetLogAsync(LogEnumType.DiagnosticsLog, new Uri(server.BaseUrl, "logs/"), RequestId);
        Assert.Equal(LogStatusEnumType.Rejected, response.Status);
        Assert.Equal("NotEnabled", response.StatusInfo?.ReasonCode);
        Assert.Null(response.Filename);

        await AssertNothingFollowsAsync(sut, server);
    }

    [Theory]
    [InlineData(LogEnumType.DiagnosticsLog)]
    [InlineData(LogEnumType.SecurityLog)]
    public async Task N01_FR_05_a_period_without_entries_is_rejected(LogEnumType logType)
    {
        await using var server = await TestHttpFileServer.StartAsync();
        await using var sut = await StationUnderTest.StartBootedAsync();
        var future = sut.Time.GetUtcNow().AddDays(1);

        var response = await sut.GetLogAsync(logType, new Uri(server.BaseUrl, "logs/"), RequestId, oldest: future);

        Assert.Equal(LogStatusEnumType.Rejected, response.Status);
        Assert.Equal("NotFound", response.StatusInfo?.ReasonCode);
        await AssertNothingFollowsAsync(sut, server);
    }

    [Fact]
    public async Task N01_FR_05_the_security_log_is_uploaded_when_the_diagnostics_log_is_off()
    {
        await using var server = await TestHttpFileServer.StartAsync();
        await using var sut = await StationUnderTest.StartBootedAsync(new StationUnderTestSetup
        {
            Station = options => options with { DiagnosticsLogCapacity = 0 },
        });

        var response = await sut.GetLogAsync(LogEnumType.SecurityLog, new Uri(server.BaseUrl, "security/"), RequestId);

        Assert.Equal(LogStatusEnumType.Accepted, response.Status);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, RequestId);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploaded, RequestId);
    }

    // A rejected request leaves no upload behind: the trigger reports Idle, and the log server saw nothing.
    private static async Task AssertNothingFollowsAsync(StationUnderTest sut, TestHttpFileServer server)
    {
        var trigger = await sut.Connection.CallAsync(
            new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.LogStatusNotification }, StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Idle, null);
        Assert.Empty(server.Uploads);
    }
}
