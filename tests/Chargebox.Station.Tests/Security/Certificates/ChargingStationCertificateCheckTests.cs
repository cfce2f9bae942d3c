using System.Security.Cryptography.X509Certificates;
using Chargebox.Station.Security.Certificates;
using Chargebox.Testing.Pki;

namespace Chargebox.Station.Tests.Security.Certificates;

/// <summary>A02, A03: the checks a CertificateSigned chain passes before the station uses it, and the CSR the
/// station sends.</summary>
public sealed class ChargingStationCertificateCheckTests : IDisposable
{
    private const string Identity = "CS-CERT-1";
    private const string Organization = "Chargebox Test Operator";
    private readonly TestPki _pki = TestPki.Create();
    private readonly (string Pem, byte[] PrivateKey) _csr = CertificateSigningRequest.Create(Identity, Organization);

    [Fact]
    public void A02_FR_03_the_CSR_is_PKCS10_PEM_with_CN_identity_and_O_organization_for_a_P256_key()
    {
        var request = CertificateRequest.LoadSigningRequestPem(_csr.Pem, System.Security.Cryptography.HashAlgorithmName.SHA256);

        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", _csr.Pem, StringComparison.Ordinal);
        Assert.Equal($"CN={Identity}, O={Organization}", request.SubjectName.Name);
        Assert.Equal("1.2.840.10045.2.1", request.PublicKey.Oid.Value);
        Assert.Equal(256, request.PublicKey.GetECDsaPublicKey()!.KeySize);
    }

    [Fact]
    public void A_chain_signed_for_the_CSR_and_chaining_to_an_installed_root_is_accepted()
    {
        var chain = ChargingStationCertificateCheck.Check(_pki.SignCsr(_csr.Pem), Expect(), out var refusal);

        Assert.Null(refusal);
        Assert.NotNull(chain);
        Assert.Equal(2, chain.Count);
        Assert.True(StationKey.Matches(chain[0], _csr.PrivateKey));
    }

    [Fact]
    public void A_certificate_for_another_key_is_refused()
    {
        var other = CertificateSigningRequest.Create(Identity, Organization);
        AssertRefused(_pki.SignCsr(other.Pem), Expect(), "InvalidCertificate", "key");
    }

    [Fact]
    public void A_certificate_with_another_subject_is_refused() =>
        AssertRefused(_pki.SignCsr(_csr.Pem, subject: $"CN=SOMEONE-ELSE, O={Organization}"), Expect(), "InvalidCertificate", "subject");

    [Fact]
    public void A_certificate_with_another_organization_is_refused() =>
        AssertRefused(_pki.SignCsr(_csr.Pem, subject: $"CN={Identity}, O=Other"), Expect(), "InvalidCertificate", "subject");

    [Fact]
    public void A_certificate_not_valid_yet_is_refused() =>
        AssertRefused(_pki.SignCsr(_csr.Pem, validFromDays: 10, validToDays: 30), Expect(), "InvalidCertificate", "not valid now");

    [Fact]
    public void A_certificate_that_chains_to_no_installed_root_is_refused()
    {
        using var stranger = TestPki.Create();
        AssertRefused(stranger.SignCsr(_csr.Pem), Expect(), "InvalidCertificate", "chain");
    }

    [Fact]
    public void Without_the_intermediate_the_chain_does_not_reach_the_root()
    {
        var leafOnly = _pki.SignCsr(_csr.Pem).Split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n";
        AssertRefused(leafOnly, Expect(), "InvalidCertificate", "chain");
    }

    [Fact]
    public void A_chain_longer_than_MaxCertificateChainSize_is_refused() =>
        AssertRefused(_pki.SignCsr(_csr.Pem), Expect() with { MaxChainSize = 1 }, "TooLargeElement", "at most 1");

    [Fact]
    public void Malformed_PEM_is_refused() =>
        AssertRefused("-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----", Expect(), "InvalidCertificate", "X.509");

    public void Dispose() => _pki.Dispose();

    private ChargingStationCertificateCheck.Expectation Expect() =>
        new(Identity, Organization, _csr.PrivateKey, [.. _pki.RootCertificates], 5, DateTimeOffset.UtcNow);

    private static void AssertRefused(string pem, ChargingStationCertificateCheck.Expectation expected, string reasonCode, string text)
    {
        Assert.Null(ChargingStationCertificateCheck.Check(pem, expected, out var refusal));
        Assert.Equal(reasonCode, refusal?.ReasonCode);
        Assert.Contains(text, refusal?.Text, StringComparison.OrdinalIgnoreCase);
    }
}
