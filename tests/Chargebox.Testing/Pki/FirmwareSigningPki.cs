using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Testing.Pki;

/// <summary>A manufacturer's firmware signing PKI made at test time (L01): a ManufacturerRootCertificate and
/// signing certificates under it (valid, expired) or under an unrelated root (wrong signer). Validity is set
/// around the given time, so a station on a fake clock judges it as a test intends.</summary>
public sealed class FirmwareSigningPki : IDisposable
{
    private readonly TestKeyAlgorithm _algorithm;
    private readonly DateTimeOffset _now;
    private readonly List<IDisposable> _owned = [];

    private FirmwareSigningPki(TestKeyAlgorithm algorithm, DateTimeOffset now)
    {
        _algorithm = algorithm;
        _now = now;
        var tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        Root = Track(CertificateFactory.Create(algorithm, $"CN=Chargebox Test Manufacturer Root {tag}, O=Chargebox Test", null, CertificateRole.Authority, [], now.AddYears(-1), now.AddYears(5)));
        Signer = IssueSigner(now.AddDays(-30), now.AddYears(1));
    }

    /// <summary>A fresh PKI whose certificates are valid at <paramref name="now"/>.</summary>
    public static FirmwareSigningPki Create(DateTimeOffset now, TestKeyAlgorithm algorithm = TestKeyAlgorithm.EcdsaP256) => new(algorithm, now);

    /// <summary>The manufacturer root, with its key.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>What the station trusts: the root without its key.</summary>
    public X509Certificate2Collection ManufacturerRootCertificates => [X509CertificateLoader.LoadCertificate(Root.RawData)];

    /// <summary>The configured firmware signing certificate.</summary>
    public FirmwareSigner Signer { get; }

    /// <summary>A signing certificate under the root, valid from <paramref name="notBefore"/> to <paramref name="notAfter"/>.</summary>
    public FirmwareSigner IssueSigner(DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Track(new FirmwareSigner(CertificateFactory.Create(_algorithm, "CN=Chargebox Test Firmware Signer, O=Chargebox Test", Root, CertificateRole.Client, [], notBefore, notAfter)));

    /// <summary>A signing certificate that expired before now.</summary>
    public FirmwareSigner IssueExpiredSigner() => IssueSigner(_now.AddYears(-1), _now.AddDays(-1));

    /// <summary>A signing certificate, valid now, under another root the station does not trust.</summary>
    public FirmwareSigner CreateUntrustedSigner()
    {
        var otherRoot = Track(CertificateFactory.Create(_algorithm, "CN=Chargebox Test Other Root, O=Elsewhere", null, CertificateRole.Authority, [], _now.AddYears(-1), _now.AddYears(5)));
        return Track(new FirmwareSigner(CertificateFactory.Create(_algorithm, "CN=Chargebox Test Other Signer, O=Elsewhere", otherRoot, CertificateRole.Client, [], _now.AddDays(-30), _now.AddYears(1))));
    }

    public void Dispose() => _owned.ForEach(d => d.Dispose());

    private T Track<T>(T owned)
        where T : IDisposable
    {
        _owned.Add(owned);
        return owned;
    }
}

/// <summary>A firmware signing certificate with its key: what UpdateFirmware's firmware.signingCertificate and
/// firmware.signature are made from.</summary>
public sealed class FirmwareSigner : IDisposable
{
    internal FirmwareSigner(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    /// <summary>firmware.signingCertificate: the certificate as PEM.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    /// <summary>firmware.signature: SHA-256 over <paramref name="image"/>, RSA PKCS#1 v1.5 or DER-encoded ECDSA, in base64.</summary>
    public string Sign(byte[] image)
    {
        using var rsa = Certificate.GetRSAPrivateKey();
        if (rsa is not null)
        {
            return Convert.ToBase64String(rsa.SignData(image, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }

        using var ecdsa = Certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("The signer has no private key.");
        return Convert.ToBase64String(ecdsa.SignData(image, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    public void Dispose() => Certificate.Dispose();
}
