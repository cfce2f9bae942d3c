using System.Security.Authentication;

namespace Chargebox.Transport.WebSockets;

/// <summary>Checks <see cref="ConnectionOptions"/> before any I/O, so that a wrong configuration is one clear
/// message instead of a confusing network error.</summary>
internal static class ConnectionOptionsValidation
{
    // Part 4, 4.1.1: identifierString, at most 48 characters, no ':' because it is the Basic user name.
    private const int MaxIdentityLength = 48;

    public static void Validate(ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scheme = options.CsmsUrl.Scheme;
        if (!options.CsmsUrl.IsAbsoluteUri || (scheme != "ws" && scheme != "wss"))
        {
            Fail($"CSMS URL '{options.CsmsUrl}' must start with ws:// or wss://.");
        }

        if (string.IsNullOrEmpty(options.StationIdentity) || options.StationIdentity.Length > MaxIdentityLength)
        {
            Fail($"Station identity must be 1 to {MaxIdentityLength} characters long.");
        }

        if (options.StationIdentity.Contains(':', StringComparison.Ordinal))
        {
            Fail($"Station identity '{options.StationIdentity}' must not contain ':' (it is the Basic authentication user name).");
        }

        switch (options.SecurityProfile)
        {
            case OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication when scheme != "ws":
                Fail($"Security profile 1 needs a ws:// URL, not '{options.CsmsUrl}'; use profile 2 or 3 for wss://.");
                break;
            case OcppSecurityProfile.TlsWithBasicAuthentication or OcppSecurityProfile.TlsWithClientSideCertificates when scheme != "wss":
                Fail($"Security profile {(int)options.SecurityProfile} needs a wss:// URL, not '{options.CsmsUrl}'.");
                break;
            case OcppSecurityProfile.TlsWithBasicAuthentication when string.IsNullOrEmpty(options.BasicAuthPassword):
                Fail("Security profile 2 needs a BasicAuthPassword.");
                break;
            case OcppSecurityProfile.TlsWithClientSideCertificates when options.ClientCertificate is null:
                Fail("Security profile 3 needs a client certificate (ChargingStationCertificate).");
                break;
            case OcppSecurityProfile.TlsWithClientSideCertificates when !options.ClientCertificate!.HasPrivateKey:
                Fail("The client certificate for security profile 3 has no private key.");
                break;
            case < OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication or > OcppSecurityProfile.TlsWithClientSideCertificates:
                Fail($"Security profile {(int)options.SecurityProfile} does not exist; use 1, 2 or 3.");
                break;
        }

        if (options.UsesTls)
        {
            const SslProtocols allowed = SslProtocols.Tls12 | SslProtocols.Tls13;
            if (options.TlsVersions == SslProtocols.None || (options.TlsVersions & ~allowed) != 0)
            {
                Fail($"TLS versions '{options.TlsVersions}' are not allowed; use Tls12, Tls13 or both.");
            }

            if (options.CsmsRootCertificates.Count == 0 && !options.UseSystemTrustStore)
            {
                Fail("No CSMS root certificate is installed and the system trust store is off: no server certificate can be trusted.");
            }

            if (options.CipherSuites is { Count: 0 })
            {
                Fail("The cipher suite list is empty; leave it out to use the system's defaults.");
            }
        }

        if (options.WebSocketPingInterval < TimeSpan.Zero || options.WebSocketPongTimeout < TimeSpan.Zero)
        {
            Fail("WebSocketPingInterval and the pong timeout must not be negative.");
        }

        if (options.MaxFrameSize < 1024)
        {
            Fail("MaxFrameSize must be at least 1024 bytes.");
        }
    }

    private static void Fail(string message) =>
        throw new OcppConnectException(OcppConnectFailure.InvalidConfiguration, message);
}
