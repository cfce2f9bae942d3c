using System.Text;
using Chargebox.Testing.Files;
using Chargebox.Testing.Pki;
using Chargebox.Transport.FileTransfer;

namespace Chargebox.Transport.Tests.FileTransfer;

/// <summary>HTTP and HTTPS through HttpClient against the test file server (Kestrel on 127.0.0.1).</summary>
public sealed class HttpFileTransferTests : IDisposable
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("log line\n");
    private readonly string _folder = Directory.CreateTempSubdirectory("chargebox-http-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Download_and_multipart_upload_move_the_bytes()
    {
        await using var server = await TestHttpFileServer.StartAsync();
        var location = server.Serve("fw/image.bin", Content);
        var transfer = new HttpFileTransfer(new HttpClient());
        var destination = Path.Combine(_folder, "image.bin");

        await transfer.DownloadAsync(location, destination, null, CancellationToken.None);
        await transfer.UploadAsync(destination, new Uri(server.BaseUrl, "logs/"), "CB-1.log", null, CancellationToken.None);

        Assert.Equal(Content, await File.ReadAllBytesAsync(destination));
        Assert.Equal(Content, server.Uploaded("logs/CB-1.log"));
    }

    [Fact]
    public async Task Https_checks_the_server_against_the_client_handler()
    {
        using var pki = TestPki.Create();
        await using var server = await TestHttpFileServer.StartAsync(pki.IssueServerCertificate());
        var location = server.Serve("image.bin", Content);
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null && pki.ChainsToRoot(certificate),
        };
        var transfer = new HttpFileTransfer(new HttpClient(handler));

        await transfer.DownloadAsync(location, Path.Combine(_folder, "image.bin"), null, CancellationToken.None);
        var untrusted = await Assert.ThrowsAsync<FileTransferException>(() =>
            new HttpFileTransfer(new HttpClient()).DownloadAsync(location, Path.Combine(_folder, "other.bin"), null, CancellationToken.None));

        Assert.Equal(Content, await File.ReadAllBytesAsync(Path.Combine(_folder, "image.bin")));
        Assert.Equal(FileTransferFailure.Unreachable, untrusted.Failure);
    }

    [Theory]
    [InlineData(404, FileTransferFailure.NotFound)]
    [InlineData(401, FileTransferFailure.PermissionDenied)]
    [InlineData(403, FileTransferFailure.PermissionDenied)]
    [InlineData(500, FileTransferFailure.TransferFailed)]
    public async Task Server_errors_map_to_failures(int status, FileTransferFailure expected)
    {
        await using var server = await TestHttpFileServer.StartAsync();
        server.FailWith = status;
        var source = Path.Combine(_folder, "log.txt");
        await File.WriteAllBytesAsync(source, Content);

        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            new HttpFileTransfer(new HttpClient()).UploadAsync(source, server.BaseUrl, "log.txt", null, CancellationToken.None));

        Assert.Equal(expected, failure.Failure);
    }

    [Fact]
    public async Task Closed_port_is_unreachable()
    {
        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            new HttpFileTransfer(new HttpClient()).DownloadAsync(new Uri("http://127.0.0.1:1/x"), Path.Combine(_folder, "x"), null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.Unreachable, failure.Failure);
    }

    [Fact]
    public async Task Composite_picks_by_scheme_and_refuses_unknown_ones()
    {
        var composite = new CompositeFileTransfer([new HttpFileTransfer(new HttpClient())]);

        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            composite.DownloadAsync(new Uri("sftp://127.0.0.1/x"), Path.Combine(_folder, "x"), null, CancellationToken.None));

        Assert.Equal(FileTransferFailure.UnsupportedProtocol, failure.Failure);
    }
}
