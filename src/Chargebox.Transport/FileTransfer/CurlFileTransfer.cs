using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Chargebox.Transport.FileTransfer;

/// <summary>FTP and FTPS (explicit TLS, "AUTH TLS" on port 21) through the <c>curl</c> program, run as a child
/// process. .NET has no usable FTPS client: FtpWebRequest's FTPS uploads end in 426 and its downloads hang, and
/// servers that demand TLS session reuse on the data connection (vsftpd's default) refuse a plain SslStream.
/// Credentials come from the URL's user information and reach curl on its standard input (<c>--config -</c>),
/// never on a command line that <c>ps</c> or a log would show.</summary>
public sealed class CurlFileTransfer : IFileTransfer
{
    private readonly CurlFileTransferOptions _options;

    public CurlFileTransfer(CurlFileTransferOptions? options = null) => _options = options ?? new CurlFileTransferOptions();

    public IReadOnlyCollection<string> Protocols { get; } = ["FTP", "FTPS"];

    public async Task DownloadAsync(Uri location, string destinationPath, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var target = Target(location, fileName: null);
        await RunAsync(location, target, ["--output", destinationPath], "Download", cancellationToken).ConfigureAwait(false);
        progress?.Report(new FileInfo(destinationPath).Length);
    }

    public async Task UploadAsync(string sourcePath, Uri location, string fileName, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var target = Target(location, fileName);
        var source = new FileInfo(sourcePath);
        if (!source.Exists)
        {
            throw new FileTransferException(FileTransferFailure.TransferFailed, $"Cannot upload '{sourcePath}': the file does not exist.");
        }

        await RunAsync(location, target, ["--upload-file", sourcePath, "--ftp-create-dirs"], "Upload", cancellationToken).ConfigureAwait(false);
        progress?.Report(source.Length);
    }

    /// <summary>The URL curl is given: no user information, and "ftp" for both schemes because curl's own
    /// "ftps" means implicit TLS (port 990); explicit TLS is <c>--ssl-reqd</c> on an ftp URL.</summary>
    private Uri Target(Uri location, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.IsAbsoluteUri || !Protocols.Contains(location.Scheme, StringComparer.OrdinalIgnoreCase) || string.IsNullOrEmpty(location.Host))
        {
            throw new FileTransferException(FileTransferFailure.InvalidLocation, $"'{HttpFileTransfer.Redacted(location)}' is not an ftp or ftps URL.");
        }

        var port = location.Port > 0 ? location.Port : 21;
        var path = location.AbsolutePath;
        if (fileName is not null && path.EndsWith('/'))
        {
            path += Uri.EscapeDataString(fileName);
        }

        return new Uri($"ftp://{location.Host}:{port.ToString(CultureInfo.InvariantCulture)}{path}");
    }

    private static bool IsExplicitTls(Uri location) => location.Scheme.Equals("ftps", StringComparison.OrdinalIgnoreCase);

    private async Task RunAsync(Uri location, Uri target, string[] transferArguments, string what, CancellationToken cancellationToken)
    {
        string? rootsFile = null;
        var start = new ProcessStartInfo(_options.CurlPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // --disable first: a ~/.curlrc must not change what the station does.
        foreach (var argument in new[] { "--disable", "--silent", "--show-error", "--config", "-", "--connect-timeout", ((int)Math.Ceiling(_options.ConnectTimeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        if (IsExplicitTls(location))
        {
            start.ArgumentList.Add("--ssl-reqd");
            if (_options.AcceptAnyServerCertificate)
            {
                start.ArgumentList.Add("--insecure");
            }
            else if (_options.TrustedRoots.Count > 0)
            {
                rootsFile = WriteRoots();
                start.ArgumentList.Add("--cacert");
                start.ArgumentList.Add(rootsFile);
            }
        }

        foreach (var argument in transferArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--url");
        start.ArgumentList.Add(target.AbsoluteUri);

        try
        {
            using var process = Start(start);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            await process.StandardInput.WriteAsync(Config(location).AsMemory(), cancellationToken).ConfigureAwait(false);
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var message = (await errors.ConfigureAwait(false)).Trim();
            await output.ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new FileTransferException(
                    CurlExitCode.ToFailure(process.ExitCode),
                    $"{what} {HttpFileTransfer.Redacted(location)} failed (curl exit code {process.ExitCode}): {message}");
            }
        }
        finally
        {
            if (rootsFile is not null)
            {
                File.Delete(rootsFile);
            }
        }
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new FileTransferException(FileTransferFailure.UnsupportedProtocol, $"'{start.FileName}' did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new FileTransferException(FileTransferFailure.UnsupportedProtocol, $"FTP needs the curl program, and '{start.FileName}' could not be run: {ex.Message}", ex);
        }
    }

    /// <summary>curl's config-file text for the secrets: the user and password of the URL.</summary>
    private static string Config(Uri location)
    {
        if (string.IsNullOrEmpty(location.UserInfo))
        {
            return string.Empty;
        }

        var separator = location.UserInfo.IndexOf(':', StringComparison.Ordinal);
        var user = Uri.UnescapeDataString(separator < 0 ? location.UserInfo : location.UserInfo[..separator]);
        var password = separator < 0 ? string.Empty : Uri.UnescapeDataString(location.UserInfo[(separator + 1)..]);
        return $"user = \"{Quoted(user)}:{Quoted(password)}\"\n";
    }

    private static string Quoted(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private string WriteRoots()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chargebox-roots-{Guid.NewGuid():N}.pem");
        var pem = new StringBuilder();
        foreach (var root in _options.TrustedRoots)
        {
            pem.AppendLine(root.ExportCertificatePem());
        }

        File.WriteAllText(path, pem.ToString());
        return path;
    }
}
