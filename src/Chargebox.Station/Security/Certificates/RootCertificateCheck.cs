using System.Security.Cryptography.X509Certificates;
using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Security.Certificates;

/// <summary>M05: what makes a certificate sent with InstallCertificate acceptable as a trust anchor. A root
/// must be a CA certificate that signs itself (its own key names it in certificateHashData, M03) and is valid
/// now on the station's clock (M05.FR.07: an expired certificate is Rejected).</summary>
internal static class RootCertificateCheck
{
    /// <summary>The certificate to install, or null with the reason to answer Rejected with.</summary>
    public static X509Certificate2? Check(string pem, DateTimeOffset now, out StatusInfoType? refusal)
    {
        var certificates = PemBundle.TryRead(pem, out var problem);
        if (certificates is null)
        {
            refusal = Invalid(problem!);
            return null;
        }

        if (certificates.Count != 1)
        {
            certificates.ForEach(c => c.Dispose());
            refusal = Invalid($"Expected one root certificate, got {certificates.Count}.");
            return null;
        }

        var root = certificates[0];
        refusal = Problem(root, now) is { } reason ? Invalid(reason) : null;
        if (refusal is not null)
        {
            root.Dispose();
            return null;
        }

        return root;
    }

    private static string? Problem(X509Certificate2 root, DateTimeOffset now)
    {
        if (now < root.NotBefore.ToUniversalTime())
        {
            return "The certificate is not valid yet.";
        }

        if (now > root.NotAfter.ToUniversalTime())
        {
            return "The certificate has expired.";
        }

        if (root.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            return "The certificate is not a CA certificate.";
        }

        return StationCertificates.IsSelfSigned(root) ? null : "The certificate is not a self-signed root.";
    }

    private static StatusInfoType Invalid(string reason) => new() { ReasonCode = "InvalidCertificate", AdditionalInfo = reason };
}
