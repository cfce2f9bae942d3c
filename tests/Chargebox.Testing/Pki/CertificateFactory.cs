using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Testing.Pki;

/// <summary>Makes one certificate with a fresh key, signed by an issuer or by itself. Everything the test PKI
/// hands out goes through here, so every key is exportable (PKCS#12 round trip) for Kestrel and SslStream.</summary>
internal static class CertificateFactory
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    public static X509Certificate2 Create(
        TestKeyAlgorithm algorithm,
        string subject,
        X509Certificate2? issuer,
        CertificateRole role,
        IEnumerable<string> hosts,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter)
    {
        using var ecdsa = algorithm == TestKeyAlgorithm.EcdsaP256 ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        using var rsa = algorithm == TestKeyAlgorithm.Rsa2048 ? RSA.Create(2048) : null;
        var request = ecdsa is not null
            ? new CertificateRequest(subject, ecdsa, HashAlgorithmName.SHA256)
            : new CertificateRequest(subject, rsa!, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        var isAuthority = role == CertificateRole.Authority;
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isAuthority, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            isAuthority
                ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign
                : X509KeyUsageFlags.DigitalSignature | (rsa is not null ? X509KeyUsageFlags.KeyEncipherment : 0),
            critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        if (role != CertificateRole.Authority)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                [role == CertificateRole.Server ? ServerAuthentication : ClientAuthentication], critical: false));
        }

        var names = new SubjectAlternativeNameBuilder();
        var anyName = false;
        foreach (var host in hosts)
        {
            anyName = true;
            if (IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        if (anyName)
        {
            request.CertificateExtensions.Add(names.Build());
        }

        X509Certificate2 signed;
        if (issuer is null)
        {
            signed = request.CreateSelfSigned(notBefore, notAfter);
        }
        else
        {
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
            // A child may not live outside its issuer's validity; clamp so an issuer's lifetime never breaks a test.
            var from = notBefore > issuer.NotBefore ? notBefore : new DateTimeOffset(issuer.NotBefore);
            var until = notAfter < issuer.NotAfter ? notAfter : new DateTimeOffset(issuer.NotAfter);
            using var withoutKey = request.Create(issuer, from, until, RandomNumberGenerator.GetBytes(12));
            signed = ecdsa is not null ? withoutKey.CopyWithPrivateKey(ecdsa) : withoutKey.CopyWithPrivateKey(rsa!);
        }

        using (signed)
        {
            // Ephemeral keys cannot be used by SslStream on Linux; a PKCS#12 round trip makes them usable.
            return X509CertificateLoader.LoadPkcs12(signed.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
        }
    }
}

internal enum CertificateRole
{
    Authority,
    Server,
    Client,
}
