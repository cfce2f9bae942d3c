using System.Text;
using Chargebox.Testing.Files;
using Chargebox.Testing.Pki;
using Chargebox.Transport.FileTransfer;

namespace Chargebox.Transport.Tests.FileTransfer;

/// <summary>FTP and FTPS (explicit TLS with session reuse required) through curl against a real vsftpd.</summary>
public sealed class CurlFileTransferTests : IClassFixture<CurlFileTransferTests.RsaPki>, IDisposable
{
    private readonly TestPki _pki;

    private static readonly byte[] Content = Encoding.UTF8.GetBytes("2025-03-01T08:00:00Z station log line\n");
    private readonly string _folder = Directory.CreateTempSubdirectory("chargebox-curl-").FullName;

    public CurlFileTransferTests(RsaPki pki) => _pki = pki.Pki;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [FtpToolsFact]
    public async Task Ftp_download_and_upload_move_the_bytes()
    {
        await using var server = await TestFtpServer.StartAsync();
        server.Serve("firmware.bin", Content);
        var transfer = new CurlFileTransfer();
        var destination = Path.Combine(_folder, "firmware.bin");
        long reported = 0;

        await transfer.DownloadAsync(new Uri(server.FtpUrl, "firmware.bin"), destination, new SyncProgress(b => reported = b), CancellationToken.None);
        await transfer.UploadAsync(destination, new Uri(server.FtpUrl, TestFtpServer.UploadFolder), "log 1.txt", null, CancellationToken.None);

        Assert.Equal(Content, await File.ReadAllBytesAsync(destination));
        Assert.Equal(Content.Length, reported);
        Assert.Equal(Content, server.Uploaded(TestFtpServer.UploadFolder + "log 1.txt"));
    }

    [FtpToolsFact]
    public async Task Ftps_uses_explicit_tls_with_session_reuse_and_the_given_roots()
    {
        await using var server = await TestFtpServer.StartAsync(_pki.IssueServerCertificate(), requireTls: true);
        server.Serve("firmware.bin", Content);
        var transfer = new CurlFileTransfer(new CurlFileTransferOptions { TrustedRoots = _pki.RootCertificates });
        var destination = Path.Combine(_folder, "firmware.bin");

        await transfer.DownloadAsync(new Uri(server.FtpsUrl!, "firmware.bin"), destination, null, CancellationToken.None);
        await transfer.UploadAsync(destination, new Uri(server.FtpsUrl!, TestFtpServer.UploadFolder + "named.log"), "ignored.log", null, CancellationToken.None);

        Assert.Equal(Content, await File.ReadAllBytesAsync(destination));
        Assert.Equal(Content, server.Uploaded(TestFtpServer.UploadFolder + "named.log"));
    }

    [FtpToolsFact]
    public async Task Ftps_server_outside_the_roots_is_unreachable()
    {
        using var otherPki = TestPki.Create();
        await using var server = await TestFtpServer.StartAsync(_pki.IssueServerCertificate(), requireTls: true);
        server.Serve("firmware.bin", Content);
        var transfer = new CurlFileTransfer(new CurlFileTransferOptions { TrustedRoots = otherPki.RootCertificates });

        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            transfer.DownloadAsync(new Uri(server.FtpsUrl!, "firmware.bin"), Path.Combine(_folder, "x"), null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.Unreachable, failure.Failure);
    }

    [FtpToolsFact]
    public async Task Plain_ftp_to_a_server_that_requires_tls_is_refused()
    {
        await using var server = await TestFtpServer.StartAsync(_pki.IssueServerCertificate(), requireTls: true);
        server.Serve("firmware.bin", Content);

        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            new CurlFileTransfer().DownloadAsync(new Uri(server.FtpUrl, "firmware.bin"), Path.Combine(_folder, "x"), null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.PermissionDenied, failure.Failure);
    }

    [FtpToolsFact]
    public async Task Missing_remote_file_is_not_found()
    {
        await using var server = await TestFtpServer.StartAsync();

        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            new CurlFileTransfer().DownloadAsync(new Uri(server.FtpUrl, "missing.bin"), Path.Combine(_folder, "x"), null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.NotFound, failure.Failure);
    }

    [FtpToolsFact]
    public async Task Refused_login_is_permission_denied()
    {
        await using var server = await TestFtpServer.StartAsync();
        server.Serve("firmware.bin", Content);
        var location = new UriBuilder(new Uri(server.FtpUrl, "firmware.bin")) { UserName = "bob", Password = "not-his" }.Uri;

        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            new CurlFileTransfer().DownloadAsync(location, Path.Combine(_folder, "x"), null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.PermissionDenied, failure.Failure);
        Assert.DoesNotContain("not-his", failure.Message, StringComparison.Ordinal);
    }

    [FtpToolsFact]
    public async Task Upload_where_writing_is_not_allowed_fails()
    {
        await using var server = await TestFtpServer.StartAsync();
        var source = Path.Combine(_folder, "log.txt");
        await File.WriteAllBytesAsync(source, Content);

        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            new CurlFileTransfer().UploadAsync(source, server.FtpUrl, "log.txt", null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.TransferFailed, failure.Failure);
    }

    [FtpToolsFact]
    public async Task Closed_port_is_unreachable()
    {
        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            new CurlFileTransfer().DownloadAsync(new Uri("ftp://127.0.0.1:1/x.bin"), Path.Combine(_folder, "x"), null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.Unreachable, failure.Failure);
    }

    [Theory]
    [InlineData("http://127.0.0.1/x")]
    [InlineData("file:///tmp/x")]
    [InlineData("relative/x")]
    public async Task Location_that_is_not_ftp_is_invalid(string location)
    {
        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            new CurlFileTransfer().DownloadAsync(new Uri(location, UriKind.RelativeOrAbsolute), Path.Combine(_folder, "x"), null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.InvalidLocation, failure.Failure);
    }

    [Fact]
    public async Task Missing_curl_is_an_unsupported_protocol_not_a_crash()
    {
        var transfer = new CurlFileTransfer(new CurlFileTransferOptions { CurlPath = Path.Combine(_folder, "no-curl-here") });

        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            transfer.DownloadAsync(new Uri("ftp://127.0.0.1/x.bin"), Path.Combine(_folder, "x"), null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.UnsupportedProtocol, failure.Failure);
    }

    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>One RSA PKI for the class: vsftpd wants RSA, and RSA keys are slow to make.</summary>
    public sealed class RsaPki : IDisposable
    {
        public TestPki Pki { get; } = TestPki.Create(TestKeyAlgorithm.Rsa2048);

        public void Dispose() => Pki.Dispose();
    }
}
