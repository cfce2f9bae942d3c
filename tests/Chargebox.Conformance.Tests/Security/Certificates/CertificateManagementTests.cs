using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Pki;

namespace Chargebox.Conformance.Tests.Security.Certificates;

/// <summary>M03, M04, M05: installing, listing and deleting certificates (Part 6, TC_M_01 to TC_M_23). The station
/// is connected with security profile 2 (profile 3 where the case needs the station certificate) to a CSMS whose
/// server certificate comes from the test PKI's root, the station's installed CSMSRootCertificate.
/// TC_M_09, TC_M_30 and TC_M_31 do not apply: the reference station has no AdditionalRootCertificateCheck
/// (PICS AS-2: No).</summary>
public sealed class CertificateManagementTests : IDisposable
{
    private static readonly GetCertificateIdUseEnumType[] CsmsRoot = [GetCertificateIdUseEnumType.CSMSRootCertificate];
    private static readonly GetCertificateIdUseEnumType[] ManufacturerRoot = [GetCertificateIdUseEnumType.ManufacturerRootCertificate];
    private readonly TestPki _pki = StationUnderTest.CreatePki();

    [Fact]
    public async Task TC_M_01_CS()
    {
        await using var sut = await StartAsync();
        var root2 = _pki.CreateRoot("CSMS Root 2");

        // 1. CertificateInstalled for CSMSRootCertificate (Root 2); 2. GetInstalledCertificates lists it.
        await sut.CertificateInstalledAsync(InstallCertificateUseEnumType.CSMSRootCertificate, root2);
        await sut.GetInstalledCertificatesAsync(CsmsRoot, (GetCertificateIdUseEnumType.CSMSRootCertificate, root2));
    }

    [Fact]
    public async Task TC_M_02_CS()
    {
        await using var sut = await StartAsync();
        var manufacturer = _pki.CreateRoot("Manufacturer Root");

        await sut.CertificateInstalledAsync(InstallCertificateUseEnumType.ManufacturerRootCertificate, manufacturer);
        await sut.GetInstalledCertificatesAsync(ManufacturerRoot, (GetCertificateIdUseEnumType.ManufacturerRootCertificate, manufacturer));
    }

    [Fact]
    public async Task TC_M_07_CS()
    {
        await using var sut = await StartAsync();
        var expired = _pki.CreateExpiredRoot();

        // 1-2. An expired certificate: Rejected.
        var install = await sut.InstallCertificateAsync(InstallCertificateUseEnumType.CSMSRootCertificate, expired);
        Assert.Equal(InstallCertificateStatusEnumType.Rejected, install.Status);

        // 3-4. Accepted (the installed root is still there), without the rejected certificate.
        var response = await sut.GetInstalledCertificateIdsAsync(CsmsRoot);
        Assert.Equal(GetInstalledCertificateStatusEnumType.Accepted, response.Status);
        Assert.DoesNotContain(response.CertificateHashDataChain!, entry => StationUnderTest.SameHashData(StationUnderTest.HashDataOf(expired, expired), entry.CertificateHashData));
    }

    [Fact]
    public async Task TC_M_12_CS()
    {
        await using var sut = await StartAsync();
        var root2 = _pki.CreateRoot("CSMS Root 2");
        await sut.CertificateInstalledAsync(InstallCertificateUseEnumType.CSMSRootCertificate, root2);

        await sut.GetInstalledCertificatesAsync(CsmsRoot, (GetCertificateIdUseEnumType.CSMSRootCertificate, root2), (GetCertificateIdUseEnumType.CSMSRootCertificate, _pki.Root));
    }

    [Fact]
    public async Task TC_M_13_CS()
    {
        await using var sut = await StartAsync();
        var manufacturer = _pki.CreateRoot("Manufacturer Root");
        await sut.CertificateInstalledAsync(InstallCertificateUseEnumType.ManufacturerRootCertificate, manufacturer);

        var response = await sut.GetInstalledCertificatesAsync(ManufacturerRoot, (GetCertificateIdUseEnumType.ManufacturerRootCertificate, manufacturer));

        // M03.FR.04: only the requested type.
        Assert.All(response.CertificateHashDataChain!, entry => Assert.Equal(GetCertificateIdUseEnumType.ManufacturerRootCertificate, entry.CertificateType));
    }

    [Fact]
    public async Task TC_M_17_CS()
    {
        await using var sut = await StartAsync();
        var (root2, manufacturer) = await InstallBothAsync(sut);

        await sut.GetInstalledCertificatesAsync(
            [GetCertificateIdUseEnumType.CSMSRootCertificate, GetCertificateIdUseEnumType.ManufacturerRootCertificate],
            (GetCertificateIdUseEnumType.CSMSRootCertificate, root2),
            (GetCertificateIdUseEnumType.ManufacturerRootCertificate, manufacturer));
    }

    [Fact]
    public async Task TC_M_18_CS()
    {
        await using var sut = await StartAsync();
        var (root2, manufacturer) = await InstallBothAsync(sut);

        // 1-2. certificateType omitted: Accepted, with both entries.
        await sut.GetInstalledCertificatesAsync(
            [],
            (GetCertificateIdUseEnumType.CSMSRootCertificate, root2),
            (GetCertificateIdUseEnumType.ManufacturerRootCertificate, manufacturer));
    }

    [Fact]
    public async Task TC_M_19_CS()
    {
        await using var sut = await StartAsync();

        // 1-2. No MORootCertificate installed: NotFound, certificateHashDataChain omitted.
        var response = await sut.GetInstalledCertificateIdsAsync(GetCertificateIdUseEnumType.MORootCertificate);
        Assert.Equal(GetInstalledCertificateStatusEnumType.NotFound, response.Status);
        Assert.Null(response.CertificateHashDataChain);
    }

    [Fact]
    public async Task TC_M_20_CS()
    {
        await using var sut = await StartAsync();

        // 1. The installed CSMS root is present.
        var before = await sut.GetInstalledCertificatesAsync(CsmsRoot, (GetCertificateIdUseEnumType.CSMSRootCertificate, _pki.Root));
        var hashData = Assert.Single(before.CertificateHashDataChain!).CertificateHashData;

        // 2-3. Deleted (PICS AQ-1: even the last CSMSRootCertificate).
        var delete = await sut.Connection.CallAsync(new DeleteCertificateRequest { CertificateHashData = hashData }, StationUnderTest.Timeout);
        Assert.Equal(DeleteCertificateStatusEnumType.Accepted, delete.Status);

        // 4. Not present anymore.
        var after = await sut.GetInstalledCertificateIdsAsync(CsmsRoot);
        Assert.DoesNotContain(after.CertificateHashDataChain ?? [], entry => StationUnderTest.SameHashData(hashData, entry.CertificateHashData));
    }

    [Fact]
    public async Task TC_M_22_CS()
    {
        await using var sut = await StartAsync();
        await sut.GetInstalledCertificatesAsync(CsmsRoot, (GetCertificateIdUseEnumType.CSMSRootCertificate, _pki.Root));
        var unknown = _pki.CreateRoot("Never Installed");

        var delete = await sut.Connection.CallAsync(new DeleteCertificateRequest { CertificateHashData = StationUnderTest.HashDataOf(unknown, unknown) }, StationUnderTest.Timeout);

        Assert.Equal(DeleteCertificateStatusEnumType.NotFound, delete.Status);
    }

    [Fact]
    public async Task TC_M_23_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync(StationUnderTest.SecurityProfile3(_pki));
        var stationCertificate = await sut.RenewChargingStationCertificateAsync(_pki);

        // 1. GetInstalledCertificates with certificateType omitted.
        await sut.GetInstalledCertificateIdsAsync();

        // 2-3. The station certificate cannot be deleted (M04.FR.06): NotFound or Failed.
        var delete = await sut.Connection.CallAsync(
            new DeleteCertificateRequest { CertificateHashData = StationUnderTest.HashDataOf(stationCertificate, _pki.StationCa) }, StationUnderTest.Timeout);
        Assert.Contains(delete.Status, new[] { DeleteCertificateStatusEnumType.NotFound, DeleteCertificateStatusEnumType.Failed });
    }

    [Fact]
    public async Task Installed_certificates_survive_a_power_cycle_and_CertificateEntries_counts_them()
    {
        await using var sut = await StartAsync();
        var root2 = _pki.CreateRoot("CSMS Root 2");
        await sut.CertificateInstalledAsync(InstallCertificateUseEnumType.CSMSRootCertificate, root2);

        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();

        await sut.GetInstalledCertificatesAsync(CsmsRoot, (GetCertificateIdUseEnumType.CSMSRootCertificate, root2), (GetCertificateIdUseEnumType.CSMSRootCertificate, _pki.Root));
        Assert.Equal("2", (await sut.GetVariableAsync("SecurityCtrlr", "CertificateEntries")).AttributeValue);
    }

    [Fact]
    public async Task A_full_store_answers_Failed_OutOfStorage_and_installs_nothing()
    {
        await using var sut = await StartAsync();

        // CertificateEntries has maxLimit 100 (PICS); one root is installed already.
        for (var i = 0; i < 99; i++)
        {
            await sut.CertificateInstalledAsync(InstallCertificateUseEnumType.ManufacturerRootCertificate, _pki.CreateRoot($"Filler {i}"));
        }

        var extra = _pki.CreateRoot("One Too Many");
        var response = await sut.InstallCertificateAsync(InstallCertificateUseEnumType.CSMSRootCertificate, extra);

        Assert.Equal((InstallCertificateStatusEnumType.Failed, "OutOfStorage"), (response.Status, response.StatusInfo?.ReasonCode));
        Assert.Equal("100", (await sut.GetVariableAsync("SecurityCtrlr", "CertificateEntries")).AttributeValue);
        var roots = await sut.GetInstalledCertificateIdsAsync(CsmsRoot);
        Assert.DoesNotContain(roots.CertificateHashDataChain!, entry => StationUnderTest.SameHashData(StationUnderTest.HashDataOf(extra, extra), entry.CertificateHashData));
    }

    [Theory]
    [InlineData("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n")]
    [InlineData("not PEM at all")]
    public async Task Malformed_PEM_is_Rejected_InvalidCertificate(string certificate)
    {
        await using var sut = await StartAsync();

        var response = await sut.Connection.CallAsync(
            new InstallCertificateRequest { CertificateType = InstallCertificateUseEnumType.CSMSRootCertificate, Certificate = certificate }, StationUnderTest.Timeout);

        Assert.Equal((InstallCertificateStatusEnumType.Rejected, "InvalidCertificate"), (response.Status, response.StatusInfo?.ReasonCode));
    }

    public void Dispose() => _pki.Dispose();

    private Task<StationUnderTest> StartAsync() => StationUnderTest.StartBootedAsync(StationUnderTest.SecurityProfile2(_pki));

    private async Task<(System.Security.Cryptography.X509Certificates.X509Certificate2 Root2, System.Security.Cryptography.X509Certificates.X509Certificate2 Manufacturer)> InstallBothAsync(StationUnderTest sut)
    {
        var root2 = _pki.CreateRoot("CSMS Root 2");
        var manufacturer = _pki.CreateRoot("Manufacturer Root");
        await sut.CertificateInstalledAsync(InstallCertificateUseEnumType.CSMSRootCertificate, root2);
        await sut.CertificateInstalledAsync(InstallCertificateUseEnumType.ManufacturerRootCertificate, manufacturer);
        return (root2, manufacturer);
    }
}
