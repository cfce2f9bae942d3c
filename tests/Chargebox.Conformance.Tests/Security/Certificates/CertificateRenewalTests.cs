using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Security;
using Chargebox.Testing.Pki;

namespace Chargebox.Conformance.Tests.Security.Certificates;

/// <summary>A02: the CSMS has the station renew its certificate (Part 6, TC_A_11, TC_A_14, TC_A_15), over security
/// profile 3 with real TLS and client certificates. TC_A_23 (resending SignCertificateRequest after
/// CertSigningWaitMinimum) does not apply: PICS AS-3 is No.</summary>
public sealed class CertificateRenewalTests : IDisposable
{
    private readonly TestPki _pki = StationUnderTest.CreatePki();

    [Fact]
    public async Task TC_A_11_CS()
    {
        await using var sut = await StartAsync();
        var old = sut.Connection.Attempt.ClientCertificate;

        // 1. RenewChargingStationCertificate: trigger Accepted, a valid CSR, CertificateSigned Accepted.
        var renewed = await sut.RenewChargingStationCertificateAsync(_pki);

        // 7 (errata 2025-02): the next connection uses the new certificate (A02.FR.08).
        await sut.DropAndReconnectAsync();
        Assert.NotEqual(old?.Thumbprint, renewed.Thumbprint);
        Assert.Equal(renewed.Thumbprint, sut.Connection.Attempt.ClientCertificate?.Thumbprint);
    }

    [Fact]
    public async Task TC_A_14_CS()
    {
        await using var sut = await StartAsync();

        // 1-4. Trigger, SignCertificateRequest Accepted.
        var csr = await sut.TriggerSignCertificateAsync();

        // 5-6. A certificate from a signer the station does not trust: Rejected.
        using var stranger = StationUnderTest.CreatePki();
        var signed = await sut.Connection.CallAsync(
            new CertificateSignedRequest { CertificateChain = stranger.SignCsr(csr), CertificateType = CertificateSigningUseEnumType.ChargingStationCertificate }, StationUnderTest.Timeout);
        Assert.Equal(CertificateSignedStatusEnumType.Rejected, signed.Status);

        // 7-8. SecurityEventNotification InvalidChargingStationCertificate.
        await sut.ExpectSecurityEventAsync(SecurityEventType.InvalidChargingStationCertificate);
    }

    [Fact]
    public async Task TC_A_15_CS()
    {
        await using var sut = await StartAsync();
        var old = sut.Connection.Attempt.ClientCertificate;

        // 1-4. Trigger Accepted, SignCertificateRequest answered Rejected.
        await sut.TriggerSignCertificateAsync(GenericStatusEnumType.Rejected);

        // The station keeps its certificate.
        await sut.DropAndReconnectAsync();
        Assert.Equal(old?.Thumbprint, sut.Connection.Attempt.ClientCertificate?.Thumbprint);
    }

    [Theory]
    [InlineData("subject")]
    [InlineData("not yet valid")]
    [InlineData("too long")]
    [InlineData("malformed")]
    public async Task A_bad_CertificateSigned_is_Rejected_and_the_old_certificate_stays_in_use(string defect)
    {
        await using var sut = await StartAsync();
        var old = sut.Connection.Attempt.ClientCertificate;
        var csr = await sut.TriggerSignCertificateAsync();
        var chain = defect switch
        {
            "subject" => _pki.SignCsr(csr, subject: $"CN=SOMEONE-ELSE, O={Chargebox.Testing.Pki.TestPki.StationOrganization}"),
            "not yet valid" => _pki.SignCsr(csr, validFromDays: 10, validToDays: 40),
            "too long" => _pki.SignCsr(csr) + string.Concat(Enumerable.Repeat(TestPki.Pem(_pki.StationCa), 4)),
            _ => "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        };

        var signed = await sut.Connection.CallAsync(
            new CertificateSignedRequest { CertificateChain = chain, CertificateType = CertificateSigningUseEnumType.ChargingStationCertificate }, StationUnderTest.Timeout);

        Assert.Equal(CertificateSignedStatusEnumType.Rejected, signed.Status);
        await sut.DropAndReconnectAsync();
        Assert.Equal(old?.Thumbprint, sut.Connection.Attempt.ClientCertificate?.Thumbprint);
    }

    [Fact]
    public async Task CertificateSigned_without_a_signing_request_is_Rejected()
    {
        await using var sut = await StartAsync();
        var unrequested = _pki.IssueStationCertificate(StationUnderTest.Identity);

        var signed = await sut.Connection.CallAsync(
            new CertificateSignedRequest { CertificateChain = TestPki.Pem(unrequested, _pki.StationCa) }, StationUnderTest.Timeout);

        Assert.Equal(CertificateSignedStatusEnumType.Rejected, signed.Status);
    }

    [Fact]
    public async Task The_renewed_certificate_and_its_key_survive_a_power_cycle()
    {
        await using var sut = await StartAsync();
        var renewed = await sut.RenewChargingStationCertificateAsync(_pki);

        await sut.PowerCycleAsync();

        Assert.Equal(renewed.Thumbprint, sut.Connection.Attempt.ClientCertificate?.Thumbprint);
        await sut.AcceptBootAsync();
    }

    public void Dispose() => _pki.Dispose();

    private Task<StationUnderTest> StartAsync() => StationUnderTest.StartBootedAsync(StationUnderTest.SecurityProfile3(_pki));
}
