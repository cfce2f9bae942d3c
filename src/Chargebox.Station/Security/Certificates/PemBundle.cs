using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Chargebox.Station.Security.Certificates;

/// <summary>Reads the PEM text of InstallCertificate and CertificateSigned: one or more CERTIFICATE blocks and
/// nothing else. Anything malformed is a refusal with a reason, never an exception.</summary>
internal static class PemBundle
{
    private const string CertificateLabel = "CERTIFICATE";

    /// <summary>The certificates in <paramref name="pem"/>, in order; null with <paramref name="problem"/> set
    /// when the text is not a clean PEM bundle of certificates.</summary>
    public static List<X509Certificate2>? TryRead(string pem, out string? problem)
    {
        var certificates = new List<X509Certificate2>();
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            if (!rest[fields.Label].SequenceEqual(CertificateLabel))
            {
                problem = $"PEM block '{rest[fields.Label]}' is not a CERTIFICATE.";
                return Dispose(certificates);
            }

            if (!rest[..fields.Location.Start].IsWhiteSpace())
            {
                problem = "Text outside the PEM blocks.";
                return Dispose(certificates);
            }

            var der = new byte[fields.DecodedDataLength];
            if (!Convert.TryFromBase64Chars(rest[fields.Base64Data], der, out var written))
            {
                problem = "A CERTIFICATE block is not valid base64.";
                return Dispose(certificates);
            }

            try
            {
                certificates.Add(X509CertificateLoader.LoadCertificate(der.AsSpan(0, written)));
            }
            catch (CryptographicException)
            {
                problem = "A CERTIFICATE block is not an X.509 certificate.";
                return Dispose(certificates);
            }

            rest = rest[fields.Location.End..];
        }

        if (certificates.Count == 0 || !rest.IsWhiteSpace())
        {
            problem = certificates.Count == 0 ? "No PEM CERTIFICATE block." : "Text after the last PEM block.";
            return Dispose(certificates);
        }

        problem = null;
        return certificates;
    }

    /// <summary>The certificates as PEM, one block after the other.</summary>
    public static string Write(IEnumerable<X509Certificate2> certificates)
    {
        var text = new StringBuilder();
        foreach (var certificate in certificates)
        {
            text.Append(PemEncoding.Write(CertificateLabel, certificate.RawData)).Append('\n');
        }

        return text.ToString();
    }

    private static List<X509Certificate2>? Dispose(List<X509Certificate2> certificates)
    {
        certificates.ForEach(c => c.Dispose());
        return null;
    }
}
