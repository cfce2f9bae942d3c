using System.Text;
using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;
using Chargebox.Testing.Files;

namespace Chargebox.Conformance.Tests.Diagnostics;

/// <summary>N01 Retrieve Log Information (Part 6, TC_N_25, TC_N_26, TC_N_35, TC_N_36) against a real HTTP log
/// server on 127.0.0.1, and what the station does with bad remote locations.</summary>
public sealed class GetLogTests
{
    private const int RequestId = 4711;

    [Fact]
    public async Task TC_N_25_CS()
    {
        await using var server = await TestHttpFileServer.StartAsync();
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. GetLog DiagnosticsLog: Accepted with a file name.
        var response = await sut.GetLogAsync(LogEnumType.DiagnosticsLog, new Uri(server.BaseUrl, "logs/"), RequestId);
        Assert.Equal(LogStatusEnumType.Accepted, response.Status);
        Assert.False(string.IsNullOrEmpty(response.Filename));

        // 3-6. Uploading, then Uploaded, both with the request's id.
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, RequestId);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploaded, RequestId);

        // The file is the station's real log: the frames it exchanged, under the announced name.
        var log = Encoding.UTF8.GetString(Assert.IsType<byte[]>(server.Uploaded("logs/" + response.Filename)));
        Assert.StartsWith("# DiagnosticsLog of charging station " + StationUnderTest.Identity, log, StringComparison.Ordinal);
        Assert.Contains("\"BootNotification\"", log, StringComparison.Ordinal);
        Assert.Contains("\"GetLog\"", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TC_N_26_CS()
    {
        const int retryInterval = 17;
        var interval = TimeSpan.FromSeconds(retryInterval);
        await using var server = await TestHttpFileServer.StartAsync();
        server.FailWith = 500;
        await using var sut = await StationUnderTest.StartBootedAsync();
        var armed = sut.Time.NextTimer(interval);

        // 1-2. GetLog with retries 3 and the configured retryInterval: Accepted.
        var response = await sut.GetLogAsync(LogEnumType.DiagnosticsLog, new Uri(server.BaseUrl, "logs/"), RequestId, retries: 3, retryInterval: retryInterval);
        Assert.Equal(LogStatusEnumType.Accepted, response.Status);

        // 3-6. Four attempts, each announced with Uploading, retryInterval apart; then one UploadFailure.
        var first = await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, RequestId);
        var started = sut.Time.GetUtcNow();
        for (var retry = 1; retry <= 3; retry++)
        {
            await armed.WaitAsync(StationUnderTest.Timeout);
            armed = sut.Time.NextTimer(interval);
            sut.Time.Advance(interval);
            await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, RequestId);
        }

        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.UploadFailure, RequestId);
        Assert.Equal(3 * interval, sut.Time.GetUtcNow() - started);
        Assert.Equal(4, server.Requests.Count(r => r.StartsWith("POST /logs/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TC_N_35_CS()
    {
        await using var server = await TestHttpFileServer.StartAsync();
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. GetLog SecurityLog: Accepted.
        var response = await sut.GetLogAsync(LogEnumType.SecurityLog, new Uri(server.BaseUrl, "security/"), RequestId);
        Assert.Equal(LogStatusEnumType.Accepted, response.Status);

        // 3-6. Uploading, then Uploaded.
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, RequestId);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploaded, RequestId);
        var log = Encoding.UTF8.GetString(Assert.IsType<byte[]>(server.Uploaded("security/" + response.Filename)));
        Assert.StartsWith("# SecurityLog of charging station " + StationUnderTest.Identity, log, StringComparison.Ordinal);
    }

    // TC_N_36_CS does not apply: it needs C-57 (cancel an ongoing log upload), PICS: No. The station answers a
    // second GetLog Rejected instead (N01_second_GetLog_while_uploading_is_rejected).
    [Fact]
    public async Task N01_second_GetLog_while_uploading_is_rejected_and_the_first_completes()
    {
        await using var server = await TestHttpFileServer.StartAsync();
        GatedFileTransfer? gate = null;
        await using var sut = await StationUnderTest.StartBootedAsync(new StationUnderTestSetup
        {
            Station = options => options with { FileTransfer = gate ??= new GatedFileTransfer(Chargebox.Transport.FileTransfer.DefaultFileTransfer.Create()) },
        });
        var first = await sut.GetLogAsync(LogEnumType.DiagnosticsLog, new Uri(server.BaseUrl, "logs/"), RequestId);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, RequestId);
        await gate!.Started.WaitAsync(StationUnderTest.Timeout);

        // This station cannot cancel an upload (C-57 No): the second request is refused, the first runs on.
        var second = await sut.GetLogAsync(LogEnumType.SecurityLog, new Uri(server.BaseUrl, "logs/"), RequestId + 1);
        gate.Open();

        Assert.Equal(LogStatusEnumType.Accepted, first.Status);
        Assert.Equal(LogStatusEnumType.Rejected, second.Status);
        Assert.Equal("UploadInProgress", second.StatusInfo?.ReasonCode);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploaded, RequestId);
        Assert.Single(server.Uploads);
    }

    [Fact]
    public async Task N01_oldest_and_latest_timestamp_select_the_log_entries()
    {
        await using var server = await TestHttpFileServer.StartAsync();
        await using var sut = await StationUnderTest.StartBootedAsync();
        var afterBoot = sut.Time.GetUtcNow().AddSeconds(1);
        sut.Time.Advance(TimeSpan.FromSeconds(2));

        var recent = await sut.GetLogAsync(LogEnumType.DiagnosticsLog, new Uri(server.BaseUrl, "recent/"), 1, oldest: afterBoot);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, 1);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploaded, 1);
        var early = await sut.GetLogAsync(LogEnumType.DiagnosticsLog, new Uri(server.BaseUrl, "early/"), 2, latest: afterBoot);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, 2);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploaded, 2);

        var recentLog = Encoding.UTF8.GetString(server.Uploaded("recent/" + recent.Filename)!);
        var earlyLog = Encoding.UTF8.GetString(server.Uploaded("early/" + early.Filename)!);
        Assert.DoesNotContain("\"BootNotification\"", recentLog, StringComparison.Ordinal);
        Assert.Contains("\"GetLog\"", recentLog, StringComparison.Ordinal);
        Assert.Contains("\"BootNotification\"", earlyLog, StringComparison.Ordinal);
        Assert.DoesNotContain("\"GetLog\"", earlyLog, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url", UploadLogStatusEnumType.BadMessage)]
    [InlineData("http:///no-host", UploadLogStatusEnumType.BadMessage)]
    [InlineData("sftp://127.0.0.1/logs/", UploadLogStatusEnumType.NotSupportedOperation)]
    [InlineData("http://127.0.0.1:1/logs/", UploadLogStatusEnumType.UploadFailure)]
    public async Task N01_bad_remote_location_ends_in_its_status(string remoteLocation, UploadLogStatusEnumType expected)
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var response = await sut.GetLogAsync(LogEnumType.DiagnosticsLog, remoteLocation, RequestId);
        Assert.Equal(LogStatusEnumType.Accepted, response.Status);
        if (expected == UploadLogStatusEnumType.UploadFailure)
        {
            await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, RequestId);
        }

        await sut.ExpectLogStatusAsync(expected, RequestId);
    }

    [Fact]
    public async Task N01_failed_upload_leaves_the_transaction_charging()
    {
        await using var server = await TestHttpFileServer.StartAsync();
        server.FailWith = 403;
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await sut.EnergyTransferStartedAsync();

        await sut.GetLogAsync(LogEnumType.DiagnosticsLog, new Uri(server.BaseUrl, "logs/"), RequestId);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, RequestId);
        await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.PermissionDenied, RequestId);

        var status = await sut.Station.GetStatusAsync(CancellationToken.None);
        var transaction = Assert.Single(status.Evses).Transaction;
        Assert.Equal(transactionId, transaction?.TransactionId);
        Assert.Equal(ChargingStateEnumType.Charging, transaction?.ChargingState);
    }
}
