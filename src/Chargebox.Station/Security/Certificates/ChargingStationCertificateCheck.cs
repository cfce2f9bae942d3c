using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Station.Security.Certificates;

/// <summary>A02/A03: what the certificate chain of CertificateSigned must be before the station uses it: a
/// clean PEM bundle of at most MaxCertificateChainSize certificates, the leaf for the key of the station's
/// outstanding signing request, with the subject the station asked for (CN = identity, O = OrganizationName),
/// valid now, and chaining to an installed CSMSRootCertificate through the intermediates sent with it.</summary>
internal static class ChargingStationCertificateCheck
{
    /// <summary>What the leaf must match.</summary>
    internal sealed record Expectation(string Identity, string OrganizationName, byte[] PendingKey, IReadOnlyList<X509Certificate2> Roots, int MaxChainSize, DateTimeOffset Now);

    /// <summary>The leaf and intermediates, or null with why the chain is refused (reasonCode and text).</summary>
    public static List<X509Certificate2>? Check(string pem, Expectation expected, out (string ReasonCode, string Text)? refusal)
    {
        var certificates = PemBundle.TryRead(pem, out var problem);
        if (certificates is null)
        {
            refusal = ("InvalidCertificate", problem!);
            return null;
        }

        refusal = Problem(certificates, expected);
        if (refusal is not null)
        {
            certificates.ForEach(c => c.Dispose());
            return null;
        }

        return certificates;
    }

    private static (string, string)? Problem(List<X509Certificate2> certificates, Expectation expected)
    {
        // The reference station counts certificates here (PICS: MaxCertificateChainSize 5).
        if (certificates.Count > expected.MaxChainSize)
        {
            return ("TooLargeElement", $"The chain has {certificates.Count} certificates; at most {expected.MaxChainSize} are accepted.");
        }

        var leaf = certificates[0];
        if (!StationKey.Matches(leaf, expected.PendingKey))
        {
            return ("InvalidCertificate", "The certificate is not for the key of the station's signing request.");
        }

        if (leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false) != expected.Identity
            || Organization(leaf) != expected.OrganizationName)
        {
            return ("InvalidCertificate", $"The subject must be CN={expected.Identity}, O={expected.OrganizationName}.");
        }

        if (expected.Now < leaf.NotBefore.ToUniversalTime() || expected.Now > leaf.NotAfter.ToUniversalTime())
        {
            return ("InvalidCertificate", "The certificate is not valid now.");
        }

        return ChainsToRoot(certificates, expected) ? null : ("InvalidCertificate", "The certificate does not chain to an installed CSMSRootCertificate.");
    }

    private static bool ChainsToRoot(List<X509Certificate2> certificates, Expectation expected)
    {
        if (expected.Roots.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(expected.Roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(certificates.Skip(1).ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = expected.Now.UtcDateTime;
        return chain.Build(certificates[0]);
    }

    private static string? Organization(X509Certificate2 certificate)
    {
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (rdn.GetSingleElementType().Value == "2.5.4.10")
            {
                return rdn.GetSingleElementValue();
            }
        }

        return null;
    }
}
