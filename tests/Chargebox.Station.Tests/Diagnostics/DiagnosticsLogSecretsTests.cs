using System.Text;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Diagnostics;
using Chargebox.Station.Tests.Transactions;
using Chargebox.Testing.Files;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Diagnostics;

/// <summary>The diagnostics log leaves the station (GetLog, N01): no password, URL credentials or private key
/// may be in it, neither in the frame log nor in any other line.</summary>
public sealed class DiagnosticsLogSecretsTests
{
    private const string Password = "Pw-Secret-0123456789";
    private const string UrlPassword = "url-secret-9876";

    [Fact]
    public async Task Uploaded_diagnostics_log_holds_neither_the_BasicAuthPassword_nor_the_log_server_credentials()
    {
        await using var server = await TestHttpFileServer.StartAsync();
        await using var h = await StationHarness.StartAsync();

        var set = await h.Connection.CallAsync(
            new SetVariablesRequest
            {
                SetVariableData =
                [
                    new SetVariableDataType { Component = new ComponentType { Name = "SecurityCtrlr" }, Variable = new VariableType { Name = "BasicAuthPassword" }, AttributeValue = Password },
                ],
            },
            StationHarness.Wait);
        Assert.Equal(SetVariableStatusEnumType.Accepted, set.SetVariableResult[0].AttributeStatus);

        // A new password takes a new connection (the station connects again with it).
        await h.ReconnectAsync();

        var location = new UriBuilder(new Uri(server.BaseUrl, "logs/")) { UserName = "loguser", Password = UrlPassword }.Uri;
        var getLog = await h.Connection.CallAsync(
            new GetLogRequest { LogType = LogEnumType.DiagnosticsLog, RequestId = 7, Log = new LogParametersType { RemoteLocation = location.ToString() } },
            StationHarness.Wait);
        Assert.Equal(LogStatusEnumType.Accepted, getLog.Status);
        await ExpectLogStatusAsync(h, UploadLogStatusEnumType.Uploading);
        await ExpectLogStatusAsync(h, UploadLogStatusEnumType.Uploaded);

        var log = Encoding.UTF8.GetString(Assert.IsType<byte[]>(server.Uploaded("logs/" + getLog.Filename)));

        // The frames are there (so the test looks at the real frame log), their secrets are not.
        Assert.Contains("BasicAuthPassword", log, StringComparison.Ordinal);
        Assert.Contains("\"GetLog\"", log, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, log, StringComparison.Ordinal);
        Assert.DoesNotContain(UrlPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain("loguser", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_captured_line_is_masked_not_only_frames()
    {
        var log = new DiagnosticsLog(new FakeTimeProvider());
        using var factory = new DiagnosticsLoggerFactory(NullLoggerFactory.Instance, log);
        var logger = factory.CreateLogger("Chargebox.Station.Firmware");

        logger.LogWarning(new HttpRequestException("https://fw:" + UrlPassword + "@fw.example.com/a.bin refused"), "download failed");
        logger.LogDebug("loaded -----BEGIN RSA PRIVATE KEY-----\nMIIKeyMaterial\n-----END RSA PRIVATE KEY-----");

        var text = string.Join("\n", log.Read(null, null).Select(e => e.Message));
        Assert.Contains("https://***@fw.example.com/a.bin", text, StringComparison.Ordinal);
        Assert.DoesNotContain(UrlPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain("MIIKeyMaterial", text, StringComparison.Ordinal);
    }

    private static async Task ExpectLogStatusAsync(StationHarness h, UploadLogStatusEnumType status)
    {
        var call = await h.Connection.ExpectCallAsync<LogStatusNotificationRequest>(StationHarness.Wait);
        await h.Connection.ReplyAsync(call, new LogStatusNotificationResponse());
        Assert.Equal(status, call.Request.Status);
    }
}
