using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Security.Certificates;

/// <summary>certificateHashData (M03, M04): a certificate named the way OCSP names it (RFC 6960 CertID): hash
/// of the issuer's distinguished name, hash of the issuer's public key, and the serial number.</summary>
internal static class CertificateHashes
{
    /// <summary>The hash data of <paramref name="certificate"/>, whose issuer is <paramref name="issuer"/>
    /// (itself for a root).</summary>
    public static CertificateHashDataType Of(X509Certificate2 certificate, X509Certificate2 issuer, HashAlgorithmEnumType algorithm) => new()
    {
        HashAlgorithm = algorithm,
        // The DER of the issuer name as it appears in the certificate, and the subjectPublicKey bit string
        // content of the issuer (without tag, length and unused-bits octet), as in an OCSP CertID.
        IssuerNameHash = Hex(Hash(algorithm, certificate.IssuerName.RawData)),
        IssuerKeyHash = Hex(Hash(algorithm, issuer.PublicKey.EncodedKeyValue.RawData)),
        SerialNumber = SerialNumber(certificate),
    };

    /// <summary>Whether <paramref name="requested"/> names <paramref name="certificate"/>: hashes compared without
    /// regard to case, serial numbers without regard to case or leading zeros.</summary>
    public static bool Matches(CertificateHashDataType requested, X509Certificate2 certificate, X509Certificate2 issuer)
    {
        var actual = Of(certificate, issuer, requested.HashAlgorithm);
        return actual.IssuerNameHash.Equals(requested.IssuerNameHash, StringComparison.OrdinalIgnoreCase)
            && actual.IssuerKeyHash.Equals(requested.IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
            && actual.SerialNumber.Equals(requested.SerialNumber.TrimStart('0'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The serial number as hexadecimal without a prefix and without leading zeros (lower case).</summary>
    public static string SerialNumber(X509Certificate2 certificate)
    {
        var trimmed = certificate.SerialNumber.TrimStart('0').ToLower(CultureInfo.InvariantCulture);
        return trimmed.Length == 0 ? "0" : trimmed;
    }

    private static byte[] Hash(HashAlgorithmEnumType algorithm, byte[] data) => algorithm switch
    {
        HashAlgorithmEnumType.SHA384 => SHA384.HashData(data),
        HashAlgorithmEnumType.SHA512 => SHA512.HashData(data),
        _ => SHA256.HashData(data),
    };

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
