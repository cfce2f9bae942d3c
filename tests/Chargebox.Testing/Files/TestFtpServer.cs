using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Testing.Files;

/// <summary>A real FTP server on 127.0.0.1 for the station's FTP and FTPS transfers: Debian's vsftpd, run in the
/// foreground with a configuration written to a temp folder, a free port, anonymous logins (any password) with
/// uploads allowed under <see cref="UploadFolder"/>, and with a certificate explicit TLS ("AUTH TLS") that
/// requires TLS session reuse on the data connection, as vsftpd does by default. Needs root (vsftpd chroots
/// anonymous sessions) and /usr/sbin/vsftpd (`.ci/run` installs it).</summary>
public sealed class TestFtpServer : IAsyncDisposable
{
    public const string VsftpdPath = "/usr/sbin/vsftpd";

    /// <summary>The folder (under the FTP root, writable by anonymous users) that uploads go to.</summary>
    public const string UploadFolder = "upload/";

    private readonly Process _process;
    private readonly string _folder;

    private TestFtpServer(Process process, string folder, int port, bool tls)
    {
        _process = process;
        _folder = folder;
        Port = port;
        FtpUrl = new Uri($"ftp://127.0.0.1:{port}/");
        FtpsUrl = tls ? new Uri($"ftps://127.0.0.1:{port}/") : null;
    }

    /// <summary>Why FTP tests cannot run on this machine, or null when they can.</summary>
    public static string? Unavailable =>
        !OperatingSystem.IsLinux() ? "vsftpd runs on Linux only"
        : !File.Exists(VsftpdPath) ? $"vsftpd is not installed ({VsftpdPath}); `.ci/run` installs it with apt-get"
        : !Environment.UserName.Equals("root", StringComparison.Ordinal) ? "vsftpd needs root to chroot anonymous sessions"
        : null;

    public int Port { get; }

    /// <summary>ftp://127.0.0.1:port/ (the FTP root).</summary>
    public Uri FtpUrl { get; }

    /// <summary>ftps://127.0.0.1:port/ when started with a certificate.</summary>
    public Uri? FtpsUrl { get; }

    private string Root => Path.Combine(_folder, "root");

    /// <summary>Starts vsftpd; with <paramref name="certificate"/> (an RSA server certificate with its key) it
    /// offers explicit TLS, and with <paramref name="requireTls"/> it refuses logins and data without it.</summary>
    public static async Task<TestFtpServer> StartAsync(X509Certificate2? certificate = null, bool requireTls = false, CancellationToken cancellationToken = default)
    {
        if (Unavailable is { } reason || !OperatingSystem.IsLinux())
        {
            throw new InvalidOperationException(Unavailable ?? "vsftpd runs on Linux only");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"chargebox-ftp-{Guid.NewGuid():N}");
        var root = Path.Combine(folder, "root");
        Directory.CreateDirectory(Path.Combine(root, UploadFolder));

        // vsftpd refuses an anonymous root the anonymous user can write to; only the upload folder is open.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(root, UploadFolder), (UnixFileMode)0b111_111_111);

        var port = FreePort();
        var lines = new List<string>
        {
            "listen=YES", "listen_ipv6=NO", "listen_address=127.0.0.1", $"listen_port={port.ToString(CultureInfo.InvariantCulture)}",
            "background=NO", "anonymous_enable=YES", "local_enable=NO", "no_anon_password=YES", $"anon_root={root}",
            "write_enable=YES", "anon_upload_enable=YES", "anon_mkdir_write_enable=YES", "anon_umask=022",
            "pasv_enable=YES", "pasv_address=127.0.0.1", "port_enable=NO",

            // Containers rarely allow new namespaces or vsftpd's seccomp filter.
            "isolate=NO", "isolate_network=NO", "seccomp_sandbox=NO",
            "secure_chroot_dir=/var/run/vsftpd/empty", "xferlog_enable=NO",
            $"vsftpd_log_file={Path.Combine(folder, "vsftpd.log")}", "dual_log_enable=YES",
        };
        if (certificate is not null)
        {
            var pem = Path.Combine(folder, "server.pem");
            using var key = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("vsftpd needs an RSA certificate with its private key.", nameof(certificate));
            await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n", cancellationToken).ConfigureAwait(false);

            // Only options vsftpd 3.0.3 knows: it exits silently with code 2 on any other (ssl_tlsv1_2 is one).
            // require_ssl_reuse stays at its default, YES.
            lines.AddRange(["ssl_enable=YES", "allow_anon_ssl=YES", $"rsa_cert_file={pem}", $"rsa_private_key_file={pem}", "ssl_ciphers=HIGH",
                $"force_anon_logins_ssl={(requireTls ? "YES" : "NO")}", $"force_anon_data_ssl={(requireTls ? "YES" : "NO")}"]);
        }

        var config = Path.Combine(folder, "vsftpd.conf");
        await File.WriteAllLinesAsync(config, lines, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory("/var/run/vsftpd/empty");

        var start = new ProcessStartInfo(VsftpdPath) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("vsftpd did not start.");
        var server = new TestFtpServer(process, folder, port, certificate is not null);
        try
        {
            await server.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>Makes <paramref name="content"/> downloadable at <paramref name="path"/> (relative to the root).</summary>
    public void Serve(string path, byte[] content)
    {
        var file = Path.Combine(Root, path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);
    }

    /// <summary>The bytes stored at <paramref name="path"/> (relative to the root), or null.</summary>
    public byte[]? Uploaded(string path)
    {
        var file = Path.Combine(Root, path.TrimStart('/'));
        return File.Exists(file) ? File.ReadAllBytes(file) : null;
    }

    /// <summary>The names of the files uploaded to <see cref="UploadFolder"/>.</summary>
    public IReadOnlyList<string> Uploads => [.. Directory.GetFiles(Path.Combine(Root, UploadFolder)).Select(Path.GetFileName).OfType<string>()];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    // A child process gives no readiness signal but its listening socket: poll it, bounded.
    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (_process.HasExited)
            {
                var log = Path.Combine(_folder, "vsftpd.log");
                var said = await _process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
                    + await _process.StandardOutput.ReadToEndAsync(cancellationToken).ConfigureAwait(false)
                    + (File.Exists(log) ? await File.ReadAllTextAsync(log, cancellationToken).ConfigureAwait(false) : string.Empty);
                throw new InvalidOperationException($"vsftpd exited with code {_process.ExitCode} (2: an option it does not know): {said.Trim()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
