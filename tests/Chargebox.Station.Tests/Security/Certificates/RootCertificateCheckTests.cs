using Chargebox.Station.Security.Certificates;
using Chargebox.Testing.Pki;

namespace Chargebox.Station.Tests.Security.Certificates;

/// <summary>M05: which certificates InstallCertificate accepts as a trust anchor.</summary>
public sealed class RootCertificateCheckTests : IDisposable
{
    private readonly TestPki _pki = TestPki.Create();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [Fact]
    public void A_valid_self_signed_CA_is_accepted()
    {
        using var root = RootCertificateCheck.Check(TestPki.Pem(_pki.Root), Now, out var refusal);

        Assert.NotNull(root);
        Assert.Null(refusal);
        Assert.Equal(_pki.Root.Thumbprint, root.Thumbprint);
    }

    [Fact]
    public void M05_FR_07_an_expired_root_is_refused() =>
        AssertRefused(TestPki.Pem(_pki.CreateExpiredRoot()), "expired");

    [Fact]
    public void A_root_not_valid_yet_on_the_station_clock_is_refused() =>
        AssertRefused(TestPki.Pem(_pki.Root), "not valid yet", Now.AddYears(-5));

    [Fact]
    public void An_intermediate_CA_is_not_a_root() =>
        AssertRefused(TestPki.Pem(_pki.StationCa), "not a self-signed root");

    [Fact]
    public void A_leaf_certificate_is_not_a_CA() =>
        AssertRefused(TestPki.Pem(_pki.IssueServerCertificate()), "not a CA");

    [Fact]
    public void Two_certificates_are_not_one_root() =>
        AssertRefused(TestPki.Pem(_pki.Root, _pki.CreateRoot("Second")), "one root");

    [Theory]
    [InlineData("")]
    [InlineData("not a certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")]
    public void Malformed_PEM_is_refused_without_an_exception(string pem)
    {
        Assert.Null(RootCertificateCheck.Check(pem, Now, out var refusal));
        Assert.Equal("InvalidCertificate", refusal?.ReasonCode);
    }

    [Fact]
    public void Text_around_the_PEM_block_is_refused() =>
        AssertRefused("junk\n" + TestPki.Pem(_pki.Root), "outside");

    public void Dispose() => _pki.Dispose();

    private static void AssertRefused(string pem, string reason, DateTimeOffset? now = null)
    {
        Assert.Null(RootCertificateCheck.Check(pem, now ?? Now, out var refusal));
        Assert.Equal("InvalidCertificate", refusal?.ReasonCode);
        Assert.Contains(reason, refusal?.AdditionalInfo, StringComparison.OrdinalIgnoreCase);
    }
}
