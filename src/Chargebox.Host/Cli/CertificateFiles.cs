using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Host.Cli;

/// <summary>Reads the PEM files of security profiles 2 and 3; a file that cannot be used is a
/// <see cref="UsageException"/> naming it.</summary>
internal static class CertificateFiles
{
    public static X509Certificate2Collection LoadTrustAnchors(string path)
    {
        var anchors = new X509Certificate2Collection();
        try
        {
            anchors.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new UsageException($"option --csms-root-cert: cannot read '{path}': {ex.Message}");
        }

        return anchors.Count > 0 ? anchors : throw new UsageException($"option --csms-root-cert: '{path}' holds no PEM certificate");
    }

    public static X509Certificate2 LoadClientCertificate(string certificatePath, string keyPath)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // SslStream on Linux cannot present a key that lives only in memory; a PKCS#12 round trip gives
            // it one it can use.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new UsageException($"options --client-cert/--client-key: cannot use '{certificatePath}' with '{keyPath}': {ex.Message}");
        }
    }
}
