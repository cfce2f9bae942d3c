using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Transport.FileTransfer;

/// <summary>How <see cref="CurlFileTransfer"/> runs the <c>curl</c> program.</summary>
public sealed record CurlFileTransferOptions
{
    /// <summary>The curl executable: a full path, or a name looked up on PATH.</summary>
    public string CurlPath { get; init; } = "curl";

    /// <summary>Trust anchors for FTPS servers; empty means the system's trust store.</summary>
    public X509Certificate2Collection TrustedRoots { get; init; } = [];

    /// <summary>Accepts any FTPS server certificate (curl <c>-k</c>). Only for a test bench that says so.</summary>
    public bool AcceptAnyServerCertificate { get; init; }

    /// <summary>How long to wait for the server to accept the control connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
