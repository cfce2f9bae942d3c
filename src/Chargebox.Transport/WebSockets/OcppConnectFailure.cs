namespace Chargebox.Transport.WebSockets;

/// <summary>Why opening the connection to the CSMS failed. The station turns some of these into security
/// events (A00 / Part 2 appendix: InvalidCsmsCertificate, InvalidTLSVersion, InvalidTLSCipherSuite).</summary>
public enum OcppConnectFailure
{
    /// <summary>The connection options contradict each other or the specification; retrying will not help.</summary>
    InvalidConfiguration,

    /// <summary>The CSMS could not be reached (DNS, refused, reset, timeout before the HTTP answer).</summary>
    Unreachable,

    /// <summary>The CSMS answered the upgrade with HTTP 401: the Basic credentials or the client certificate were refused.</summary>
    Unauthorized,

    /// <summary>The CSMS answered the upgrade with another HTTP status than 101 (404: unknown identity).</summary>
    HttpRejected,

    /// <summary>The CSMS completed the WebSocket handshake without selecting the ocpp2.0.1 subprotocol.</summary>
    SubprotocolNotAccepted,

    /// <summary>The server certificate does not chain to a trusted CSMS root, is expired or not yet valid, or
    /// does not match the host name (security event InvalidCsmsCertificate).</summary>
    InvalidCsmsCertificate,

    /// <summary>Station and CSMS share no allowed TLS version (security event InvalidTLSVersion). Detected on a
    /// best-effort basis from the TLS library's error; otherwise reported as <see cref="TlsHandshakeFailed"/>.</summary>
    InvalidTlsVersion,

    /// <summary>Station and CSMS share no allowed cipher suite (security event InvalidTLSCipherSuite). Detected on
    /// a best-effort basis from the TLS library's error; otherwise reported as <see cref="TlsHandshakeFailed"/>.</summary>
    InvalidTlsCipherSuite,

    /// <summary>The TLS handshake failed for another reason (for example the CSMS refused the client certificate).</summary>
    TlsHandshakeFailed,
}
