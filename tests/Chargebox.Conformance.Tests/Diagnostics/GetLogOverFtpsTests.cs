using System.Text;
using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Files;
using Chargebox.Testing.Pki;
using Chargebox.Transport.FileTransfer;

namespace Chargebox.Conformance.Tests.Diagnostics;

/// <summary>TC_N_25's scenario with the log server of the reference station's other protocols: FTP and FTPS
/// (explicit TLS, session reuse required) on vsftpd, and FileTransferProtocols listing all four.</summary>
public sealed class GetLogOverFtpsTests
{
    private const int RequestId = 25;

    [FtpToolsFact]
    public async Task TC_N_25_CS_over_ftps_and_ftp()
    {
        using var pki = TestPki.Create(TestKeyAlgorithm.Rsa2048);
        await using var server = await TestFtpServer.StartAsync(pki.IssueServerCertificate());
        await using var sut = await StationUnderTest.StartBootedAsync(new StationUnderTestSetup
        {
            Station = options => options with { FileTransfer = DefaultFileTransfer.Create(new CurlFileTransferOptions { TrustedRoots = pki.RootCertificates }) },
        });

        var protocols = await sut.GetVariableAsync("OCPPCommCtrlr", "FileTransferProtocols");
        Assert.Equal(["HTTP", "HTTPS", "FTP", "FTPS"], protocols.AttributeValue!.Split(','));

        foreach (var (location, requestId) in new[] { (server.FtpsUrl!, RequestId), (server.FtpUrl, RequestId + 1) })
        {
            var response = await sut.GetLogAsync(LogEnumType.DiagnosticsLog, new Uri(location, TestFtpServer.UploadFolder), requestId);
            Assert.Equal(LogStatusEnumType.Accepted, response.Status);
            await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploading, requestId);
            await sut.ExpectLogStatusAsync(UploadLogStatusEnumType.Uploaded, requestId);
            var log = Encoding.UTF8.GetString(Assert.IsType<byte[]>(server.Uploaded(TestFtpServer.UploadFolder + response.Filename)));
            Assert.Contains("\"BootNotification\"", log, StringComparison.Ordinal);

            // A second later the next file has another name: anonymous FTP users may not overwrite.
            sut.Time.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
