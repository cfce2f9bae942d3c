using System.Text;
using Chargebox.Transport.FileTransfer;

namespace Chargebox.Transport.Tests.FileTransfer;

/// <summary>How curl is called, seen through a stand-in script that records its arguments and standard input
/// and exits with a chosen code: secrets stay off the command line, ftps means explicit TLS, exit codes map
/// to failures.</summary>
public sealed class FakeCurlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chargebox-fakecurl-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Password_goes_to_stdin_never_to_the_command_line()
    {
        var transfer = FakeCurl(exitCode: 0);

        await transfer.DownloadAsync(new Uri("ftps://op%40erator:s%22cret@127.0.0.1:2121/fw/image.bin"), Path.Combine(_folder, "out"), null, CancellationToken.None);

        var arguments = await File.ReadAllTextAsync(Path.Combine(_folder, "args"));
        var stdin = await File.ReadAllTextAsync(Path.Combine(_folder, "stdin"));
        Assert.DoesNotContain("cret", arguments, StringComparison.Ordinal);
        Assert.DoesNotContain("erator", arguments, StringComparison.Ordinal);
        Assert.Equal("user = \"op@erator:s\\\"cret\"\n", stdin);
        Assert.StartsWith("--disable\n", arguments, StringComparison.Ordinal);
        Assert.Contains("--ssl-reqd\n", arguments, StringComparison.Ordinal);
        Assert.Contains("--url\nftp://127.0.0.1:2121/fw/image.bin\n", arguments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_ftp_does_not_demand_tls_and_upload_to_a_folder_appends_the_file_name()
    {
        var transfer = FakeCurl(exitCode: 0);
        var source = Path.Combine(_folder, "local.log");
        await File.WriteAllTextAsync(source, "x");

        await transfer.UploadAsync(source, new Uri("ftp://127.0.0.1/logs/"), "CB 1.log", null, CancellationToken.None);

        var arguments = await File.ReadAllTextAsync(Path.Combine(_folder, "args"));
        Assert.DoesNotContain("--ssl-reqd", arguments, StringComparison.Ordinal);
        Assert.Contains($"--upload-file\n{source}\n", arguments, StringComparison.Ordinal);
        Assert.Contains("--url\nftp://127.0.0.1/logs/CB%201.log\n", arguments, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await File.ReadAllTextAsync(Path.Combine(_folder, "stdin")));
    }

    [Theory]
    [InlineData(3, FileTransferFailure.InvalidLocation)]
    [InlineData(6, FileTransferFailure.Unreachable)]
    [InlineData(7, FileTransferFailure.Unreachable)]
    [InlineData(28, FileTransferFailure.Unreachable)]
    [InlineData(9, FileTransferFailure.PermissionDenied)]
    [InlineData(67, FileTransferFailure.PermissionDenied)]
    [InlineData(78, FileTransferFailure.NotFound)]
    [InlineData(25, FileTransferFailure.TransferFailed)]
    [InlineData(56, FileTransferFailure.TransferFailed)]
    public async Task Exit_codes_map_to_failures(int exitCode, FileTransferFailure expected)
    {
        var failure = await Assert.ThrowsAsync<FileTransferException>(() =>
            FakeCurl(exitCode).DownloadAsync(new Uri("ftp://127.0.0.1/x"), Path.Combine(_folder, "out"), null, CancellationToken.None));

        Assert.Equal(expected, failure.Failure);
        Assert.Contains($"exit code {exitCode}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_the_transfer()
    {
        var transfer = FakeCurl(exitCode: 0, sleepSeconds: 30);
        using var cancellation = new CancellationTokenSource();
        var download = transfer.DownloadAsync(new Uri("ftp://127.0.0.1/x"), Path.Combine(_folder, "out"), null, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Default_transfer_offers_ftp_only_where_curl_is_found()
    {
        FakeCurl(exitCode: 0);

        var withCurl = DefaultFileTransfer.Create(new CurlFileTransferOptions(), searchPath: _folder + Path.PathSeparator + "/nowhere");
        var withoutCurl = DefaultFileTransfer.Create(new CurlFileTransferOptions(), searchPath: "/nowhere");

        Assert.Equal(["HTTP", "HTTPS", "FTP", "FTPS"], withCurl.Protocols);
        Assert.Equal(["HTTP", "HTTPS"], withoutCurl.Protocols);
    }

    private CurlFileTransfer FakeCurl(int exitCode, int sleepSeconds = 0)
    {
        var script = Path.Combine(_folder, "curl");
        var text = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append($"for a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{_folder}/args'\n")
            .Append($"cat > '{_folder}/stdin'\n")
            .Append(sleepSeconds > 0 ? $"sleep {sleepSeconds}\n" : string.Empty)
            .Append($"exit {exitCode}\n");
        File.WriteAllText(script, text.ToString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new CurlFileTransfer(new CurlFileTransferOptions { CurlPath = script });
    }
}
