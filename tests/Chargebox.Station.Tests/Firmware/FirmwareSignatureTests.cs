using System.Security.Cryptography;
using Chargebox.Station.Firmware;
using Chargebox.Testing.Pki;

namespace Chargebox.Station.Tests.Firmware;

/// <summary>L01.FR.02 and L01.FR.03: the signing certificate must chain to a ManufacturerRootCertificate and be
/// valid at the station's time; the signature (RSA or ECDSA, SHA-256) must cover the image.</summary>
public sealed class FirmwareSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Image = "1.2.3\nimage body\n"u8.ToArray();

    [Theory]
    [InlineData(TestKeyAlgorithm.EcdsaP256)]
    [InlineData(TestKeyAlgorithm.Rsa2048)]
    public void Signing_certificate_under_the_manufacturer_root_is_trusted_and_its_signature_verifies(TestKeyAlgorithm algorithm)
    {
        using var pki = FirmwareSigningPki.Create(Now, algorithm);
        using var certificate = FirmwareSignature.ParseCertificate(pki.Signer.CertificatePem)!;

        Assert.Null(FirmwareSignature.CertificateProblem(certificate, [.. pki.ManufacturerRootCertificates], Now));
        Assert.True(FirmwareSignature.Verifies(certificate, SHA256.HashData(Image), pki.Signer.Sign(Image)));
    }

    [Fact]
    public void Tampered_image_fails_the_signature()
    {
        using var pki = FirmwareSigningPki.Create(Now);
        using var certificate = FirmwareSignature.ParseCertificate(pki.Signer.CertificatePem)!;
        var tampered = Image.ToArray();
        tampered[0] ^= 0x01;

        Assert.False(FirmwareSignature.Verifies(certificate, SHA256.HashData(tampered), pki.Signer.Sign(Image)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void Garbage_signature_fails_without_throwing(string signature)
    {
        using var pki = FirmwareSigningPki.Create(Now);
        using var certificate = FirmwareSignature.ParseCertificate(pki.Signer.CertificatePem)!;

        Assert.False(FirmwareSignature.Verifies(certificate, SHA256.HashData(Image), signature));
    }

    [Fact]
    public void Signature_by_another_key_fails()
    {
        using var pki = FirmwareSigningPki.Create(Now);
        using var certificate = FirmwareSignature.ParseCertificate(pki.Signer.CertificatePem)!;
        var otherSignature = pki.CreateUntrustedSigner().Sign(Image);

        Assert.False(FirmwareSignature.Verifies(certificate, SHA256.HashData(Image), otherSignature));
    }

    [Fact]
    public void Wrong_signer_expired_or_not_yet_valid_certificates_and_no_roots_are_not_trusted()
    {
        using var pki = FirmwareSigningPki.Create(Now);
        var roots = pki.ManufacturerRootCertificates.ToList();
        using var untrusted = FirmwareSignature.ParseCertificate(pki.CreateUntrustedSigner().CertificatePem)!;
        using var expired = FirmwareSignature.ParseCertificate(pki.IssueExpiredSigner().CertificatePem)!;
        using var future = FirmwareSignature.ParseCertificate(pki.IssueSigner(Now.AddDays(1), Now.AddYears(1)).CertificatePem)!;
        using var valid = FirmwareSignature.ParseCertificate(pki.Signer.CertificatePem)!;

        Assert.NotNull(FirmwareSignature.CertificateProblem(untrusted, roots, Now));
        Assert.NotNull(FirmwareSignature.CertificateProblem(expired, roots, Now));
        Assert.NotNull(FirmwareSignature.CertificateProblem(future, roots, Now));
        Assert.NotNull(FirmwareSignature.CertificateProblem(valid, [], Now));

        // Judged by the station's clock: the same certificate after it expired.
        Assert.NotNull(FirmwareSignature.CertificateProblem(valid, roots, Now.AddYears(2)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")]
    [InlineData("hello")]
    public void Malformed_PEM_is_no_certificate(string pem) => Assert.Null(FirmwareSignature.ParseCertificate(pem));
}
