namespace Chargebox.Transport.WebSockets;

/// <summary>The security profiles of OCPP 2.0.1 (Part 2, A00 / SecurityCtrlr.SecurityProfile): how the
/// station proves who it is and whether the connection is encrypted.</summary>
public enum OcppSecurityProfile
{
    /// <summary>Profile 1: ws:// with HTTP Basic authentication (user = station identity).</summary>
    UnsecuredTransportWithBasicAuthentication = 1,

    /// <summary>Profile 2: wss:// (TLS, server certificate checked) with HTTP Basic authentication.</summary>
    TlsWithBasicAuthentication = 2,

    /// <summary>Profile 3: wss:// with a client-side certificate; no Basic authentication.</summary>
    TlsWithClientSideCertificates = 3,
}
