using Chargebox.Transport.WebSockets;

namespace Chargebox.Host.Cli;

/// <summary>The options of <c>chargebox run</c> (docs/cli.md) as parsed by <see cref="RunCommandLine"/>, checked
/// before anything starts so that every mistake is one line naming the option.</summary>
internal sealed record RunOptions
{
    public required Uri CsmsUrl { get; init; }

    public required string Identity { get; init; }

    public string? ProfilePath { get; init; }

    public required string DataDirectory { get; init; }

    public int? ControlPort { get; init; }

    public OcppSecurityProfile SecurityProfile { get; init; } = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication;

    public string? Password { get; init; }

    public string? CsmsRootCertificatePath { get; init; }

    public string? ClientCertificatePath { get; init; }

    public string? ClientKeyPath { get; init; }

    public bool Verbose { get; init; }

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
}
