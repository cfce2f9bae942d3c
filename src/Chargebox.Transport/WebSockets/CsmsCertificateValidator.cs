using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Transport.WebSockets;

/// <summary>Decides whether the CSMS's server certificate is acceptable (A00.FR.3xx: it must chain to an
/// installed CSMSRootCertificate and match the host), and remembers why it was not, so that a failed
/// handshake can be reported as InvalidCsmsCertificate rather than a generic TLS error.</summary>
internal sealed class CsmsCertificateValidator
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly X509Certificate2Collection _roots;
    private readonly bool _useSystemTrustStore;
    private readonly TimeProvider _timeProvider;

    public CsmsCertificateValidator(X509Certificate2Collection roots, bool useSystemTrustStore, TimeProvider timeProvider)
    {
        _roots = roots;
        _useSystemTrustStore = useSystemTrustStore;
        _timeProvider = timeProvider;
    }

    /// <summary>Why the last certificate was refused, or null if none was.</summary>
    public string? Problem { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return Refuse("the CSMS presented no certificate");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return Refuse($"the certificate '{certificate.Subject}' does not match the CSMS host name");
        }

        if (_useSystemTrustStore && errors == SslPolicyErrors.None)
        {
            return true;
        }

        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var ownChain = new X509Chain();
        var policy = ownChain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(_roots);
        policy.RevocationMode = X509RevocationMode.NoCheck; // stations are often offline; OCSP is optional
        policy.ApplicationPolicy.Add(ServerAuthentication);
        policy.VerificationTime = _timeProvider.GetUtcNow().UtcDateTime;
        if (chain is not null)
        {
            // Intermediates the CSMS sent in its handshake.
            foreach (var element in chain.ChainElements)
            {
                policy.ExtraStore.Add(element.Certificate);
            }
        }

        if (ownChain.Build(leaf))
        {
            Problem = null;
            return true;
        }

        var reasons = string.Join("; ", ownChain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        return Refuse($"the certificate '{certificate.Subject}' is not trusted ({(reasons.Length > 0 ? reasons : "no chain to an installed CSMS root certificate")})");
    }

    private bool Refuse(string problem)
    {
        Problem = problem;
        return false;
    }
}
