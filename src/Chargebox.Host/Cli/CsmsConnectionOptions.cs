using Chargebox.Station;
using Chargebox.Station.Profiles;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Host.Cli;

/// <summary>How a station reaches its CSMS (URL, security profile, credentials), shared by <c>run</c> and
/// <c>fleet</c>, checked before anything starts so that every mistake is one line naming the option.</summary>
internal sealed record CsmsConnectionOptions
{
    public required Uri CsmsUrl { get; init; }

    public OcppSecurityProfile SecurityProfile { get; init; } = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication;

    public string? Password { get; init; }

    public string? CsmsRootCertificatePath { get; init; }

    public string? ClientCertificatePath { get; init; }

    public string? ClientKeyPath { get; init; }

    /// <summary>The validation step after parsing: each option's own value was checked by the parser; this
    /// checks how the security options combine (Part 2, A00 security profiles: 1 is ws:// with Basic authentication,
    /// 2 is wss:// with Basic authentication, 3 is wss:// with a client certificate).</summary>
    /// <exception cref="UsageException">The options do not fit the security profile.</exception>
    public void CheckSecurityProfile()
    {
        var tls = SecurityProfile != OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication;
        var number = (int)SecurityProfile;
        if (!tls && CsmsUrl.Scheme != "ws")
        {
            throw new UsageException($"option --csms: security profile 1 needs a ws:// URL; use --security-profile 2 or 3 for wss://");
        }

        if (tls && CsmsUrl.Scheme != "wss")
        {
            throw new UsageException($"option --csms: security profile {number} needs a wss:// URL");
        }

        if (tls && CsmsRootCertificatePath is null)
        {
            throw new UsageException($"security profile {number} needs --csms-root-cert FILE (PEM) to trust the CSMS's certificate");
        }

        if (SecurityProfile == OcppSecurityProfile.TlsWithBasicAuthentication && string.IsNullOrEmpty(Password))
        {
            throw new UsageException("security profile 2 needs --password");
        }

        if (SecurityProfile == OcppSecurityProfile.TlsWithClientSideCertificates && (ClientCertificatePath is null || ClientKeyPath is null))
        {
            throw new UsageException("security profile 3 needs --client-cert FILE and --client-key FILE (PEM)");
        }

        if (SecurityProfile != OcppSecurityProfile.TlsWithClientSideCertificates && (ClientCertificatePath is not null || ClientKeyPath is not null))
        {
            throw new UsageException("--client-cert and --client-key are for security profile 3 only");
        }

        if (!tls && CsmsRootCertificatePath is not null)
        {
            throw new UsageException("--csms-root-cert is for security profiles 2 and 3 (wss://) only");
        }
    }

    /// <summary>The station options these settings make: the PEM files are read here (a file that cannot be
    /// used is a <see cref="UsageException"/>).</summary>
    public ChargingStationOptions ToStationOptions(string identity, StationProfile profile) => new()
    {
        Identity = identity,
        CsmsUrl = CsmsUrl,
        SecurityProfile = SecurityProfile,
        BasicAuthPassword = Password,
        CsmsRootCertificates = CsmsRootCertificatePath is { } roots ? CertificateFiles.LoadTrustAnchors(roots) : [],
        ClientCertificate = ClientCertificatePath is { } certificate ? CertificateFiles.LoadClientCertificate(certificate, ClientKeyPath!) : null,
        Profile = profile,
    };
}
