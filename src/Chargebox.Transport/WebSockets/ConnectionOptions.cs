using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Transport.WebSockets;

/// <summary>Everything needed to open one WebSocket connection to a CSMS: the values of one
/// NetworkConnectionProfile plus the station's identity, credentials and trust anchors.</summary>
public sealed class ConnectionOptions
{
    /// <summary>The OCPP-J endpoint of the CSMS (ocppCsmsUrl), ws:// or wss://; the identity is appended to it.</summary>
    public required Uri CsmsUrl { get; init; }

    /// <summary>The Charging Station identity: the last path segment of the URL and the Basic user name.</summary>
    public required string StationIdentity { get; init; }

    public required OcppSecurityProfile SecurityProfile { get; init; }

    /// <summary>BasicAuthPassword for profiles 1 and 2. Never logged. For profile 1 it may be left out to talk
    /// to a development CSMS that accepts anyone; profile 2 requires it.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>The CSMS root certificates (installed with InstallCertificate, CSMSRootCertificate): the
    /// server certificate must chain to one of them.</summary>
    public X509Certificate2Collection CsmsRootCertificates { get; init; } = [];

    /// <summary>Also accept server certificates that chain to the operating system's trust store.</summary>
    public bool UseSystemTrustStore { get; init; }

    /// <summary>The ChargingStationCertificate with its private key, for profile 3.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Intermediate certificates sent along with <see cref="ClientCertificate"/> (leaf excluded).</summary>
    public X509Certificate2Collection ClientCertificateChain { get; init; } = [];

    /// <summary>TLS versions offered. Only TLS 1.2 and 1.3 are allowed (A00.FR.318 and following); set
    /// <see cref="SslProtocols.Tls13"/> alone for 1.3 only.</summary>
    public SslProtocols TlsVersions { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>Restricts the cipher suites offered (Linux and macOS only); null keeps the system's choice.</summary>
    public IReadOnlyList<TlsCipherSuite>? CipherSuites { get; init; }

    /// <summary>WebSocketPingInterval (OCPPCommCtrlr): time between pings sent by the station; zero turns them off.</summary>
    public TimeSpan WebSocketPingInterval { get; init; }

    /// <summary>How long to wait for the pong before declaring the CSMS dead; by default the ping interval.</summary>
    public TimeSpan? WebSocketPongTimeout { get; init; }

    /// <summary>A frame larger than this closes the connection with 1009 (message too big); protects memory.</summary>
    public int MaxFrameSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>An HTTP proxy for the connection; none by default, so environment variables never redirect a station.</summary>
    public IWebProxy? Proxy { get; init; }

    /// <summary>Clock for certificate validity checks; tests use a fake one.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal bool UsesTls => SecurityProfile != OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication;
}
