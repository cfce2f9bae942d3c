using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Station.Security.Certificates;

/// <summary>The station's key pair (A02): made on the station for a certificate signing request, kept as
/// PKCS#8 in the store, and joined to the certificate the CSMS returns.</summary>
internal static class StationKey
{
    /// <summary>A new ECDSA P-256 key: at least 224 bits as A00 asks, and the curve of the TLS_ECDHE_ECDSA
    /// suites the station offers.</summary>
    public static ECDsa Create() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary><paramref name="certificate"/> with the private key <paramref name="pkcs8"/>, usable by SslStream.</summary>
    public static X509Certificate2 Attach(X509Certificate2 certificate, ReadOnlySpan<byte> pkcs8)
    {
        using var withKey = IsEcdsa(certificate) ? WithEcdsa(certificate, pkcs8) : WithRsa(certificate, pkcs8);
        // Keys imported in memory are ephemeral, which SslStream on Linux cannot use for a client certificate;
        // a PKCS#12 round trip gives it a usable one.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    /// <summary>Whether the public key of <paramref name="certificate"/> is the public half of <paramref name="pkcs8"/>.</summary>
    public static bool Matches(X509Certificate2 certificate, ReadOnlySpan<byte> pkcs8)
    {
        try
        {
            if (IsEcdsa(certificate))
            {
                using var key = ECDsa.Create();
                key.ImportPkcs8PrivateKey(pkcs8, out _);
                using var certificateKey = certificate.GetECDsaPublicKey();
                return certificateKey is not null
                    && key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(certificateKey.ExportSubjectPublicKeyInfo());
            }

            using var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            using var certificateRsa = certificate.GetRSAPublicKey();
            return certificateRsa is not null
                && rsa.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(certificateRsa.ExportSubjectPublicKeyInfo());
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool IsEcdsa(X509Certificate2 certificate) => certificate.PublicKey.Oid.Value == "1.2.840.10045.2.1";

    private static X509Certificate2 WithEcdsa(X509Certificate2 certificate, ReadOnlySpan<byte> pkcs8)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return certificate.CopyWithPrivateKey(key);
    }

    private static X509Certificate2 WithRsa(X509Certificate2 certificate, ReadOnlySpan<byte> pkcs8)
    {
        using var key = RSA.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return certificate.CopyWithPrivateKey(key);
    }
}
