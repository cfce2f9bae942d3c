using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Station.Firmware;

/// <summary>The checks of the secure firmware update (L01): the signing certificate chains to an installed
/// ManufacturerRootCertificate and is valid at the station's time (L01.FR.02), and the signature, RSA
/// (PKCS#1 v1.5) or ECDSA with SHA-256, covers the downloaded file (L01.FR.03).</summary>
internal static class FirmwareSignature
{
    /// <summary>Parses the PEM signing certificate; null when it is no certificate.</summary>
    public static X509Certificate2? ParseCertificate(string pem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Why <paramref name="certificate"/> is not trusted to sign firmware, or null when it is.</summary>
    public static string? CertificateProblem(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> manufacturerRoots, DateTimeOffset now)
    {
        if (manufacturerRoots.Count == 0)
        {
            return "No ManufacturerRootCertificate is installed.";
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(manufacturerRoots.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        // The station's time, not the host's: a station whose clock the CSMS set judges validity by it.
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        if (chain.Build(certificate))
        {
            return null;
        }

        var statuses = chain.ChainStatus.Select(s => s.Status.ToString()).Distinct();
        return $"Signing certificate {certificate.Subject}: {string.Join(", ", statuses)}.";
    }

    /// <summary>Whether <paramref name="base64Signature"/> is <paramref name="certificate"/>'s signature over
    /// the file with SHA-256 <paramref name="digest"/>.</summary>
    public static bool Verifies(X509Certificate2 certificate, byte[] digest, string base64Signature)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(base64Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        try
        {
            using var rsa = certificate.GetRSAPublicKey();
            if (rsa is not null)
            {
                return rsa.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }

            using var ecdsa = certificate.GetECDsaPublicKey();
            if (ecdsa is not null)
            {
                // Tools write ECDSA signatures DER-encoded (openssl dgst); some write the raw r||s form.
                return ecdsa.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence)
                    || ecdsa.VerifyHash(digest, signature, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            }
        }
        catch (CryptographicException)
        {
            return false;
        }

        return false;
    }

    /// <summary>The SHA-256 digest of a file, read without holding it in memory.</summary>
    public static async ValueTask<byte[]> DigestAsync(string path, CancellationToken cancellationToken)
    {
        var file = File.OpenRead(path);
        await using (file.ConfigureAwait(false))
        {
            return await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false);
        }
    }
}
