using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Chargebox.Testing.Csms;

/// <summary>How the test CSMS behaves: plain or TLS, which credentials it demands, and its automatic answers.</summary>
public sealed record TestCsmsOptions
{
    /// <summary>With a certificate (private key included) the CSMS listens on wss://, otherwise on ws://.</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>Intermediates the CSMS sends with its certificate.</summary>
    public X509Certificate2Collection ServerCertificateChain { get; init; } = [];

    /// <summary>TLS versions the CSMS offers; None leaves the choice to the system.</summary>
    public SslProtocols TlsVersions { get; init; } = SslProtocols.None;

    /// <summary>Restricts the CSMS's cipher suites (Linux), e.g. to test a station that shares none.</summary>
    public IReadOnlyList<TlsCipherSuite>? CipherSuites { get; init; }

    /// <summary>RequireCertificate for security profile 3.</summary>
    public ClientCertificateMode ClientCertificateMode { get; init; } = ClientCertificateMode.NoCertificate;

    /// <summary>Roots a client certificate must chain to (with the intermediates the station sends).</summary>
    public X509Certificate2Collection ClientCertificateRoots { get; init; } = [];

    /// <summary>When set, every station must present Basic credentials user = identity, password = this (else 401).</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>Completes the handshake without selecting ocpp2.0.1 and closes at once (Part 4, 4.1.2).</summary>
    public bool RefuseSubprotocol { get; init; }

    /// <summary>Keep-alive pings sent by the CSMS; zero turns them off.</summary>
    public TimeSpan WebSocketPingInterval { get; init; }

    /// <summary>The CSMS path before the identity, so stations append their identity to a real path.</summary>
    public string PathPrefix { get; init; } = "/ocpp";

    /// <summary>Answers to CALLs no script waits for, by action; copied into each connection.</summary>
    public Dictionary<string, Func<OcppCall, TimeProvider, JsonNode>> AutoReplies { get; init; } = Csms.AutoReplies.CreateDefaults();

    /// <summary>Clock for frame timestamps and currentTime in answers. Waiting timeouts are wall-clock: the
    /// CSMS talks over real sockets.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
