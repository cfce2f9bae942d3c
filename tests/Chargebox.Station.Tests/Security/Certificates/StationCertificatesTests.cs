using Chargebox.Protocol.Messages;
using Chargebox.Station.Security;
using Chargebox.Station.Security.Certificates;
using Chargebox.Storage;
using Chargebox.Testing.Pki;

namespace Chargebox.Station.Tests.Security.Certificates;

/// <summary>The persisted store: seeded from the options once, in step with the port, the station key kept.</summary>
public sealed class StationCertificatesTests : IAsyncDisposable
{
    private const string Identity = "CS-CERT-2";
    private readonly TestPki _pki = TestPki.Create();
    private readonly InMemoryStationStore _store = new();

    [Fact]
    public async Task The_first_start_fills_the_store_from_the_options_with_the_client_key()
    {
        var certificates = await StationCertificates.LoadAsync(_store.Certificates, Options(), CancellationToken.None);

        Assert.Equal(_pki.Root.Thumbprint, Assert.Single(certificates.Roots(InstallCertificateUseEnumType.CSMSRootCertificate)).Thumbprint);
        Assert.NotNull(certificates.ChargingStationCertificate);
        Assert.True(certificates.ChargingStationCertificate.HasPrivateKey);
        Assert.Equal(2, (await _store.Certificates.LoadAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_later_start_does_not_bring_back_what_the_CSMS_deleted()
    {
        var first = await StationCertificates.LoadAsync(_store.Certificates, Options(), CancellationToken.None);
        var root = first.All.Single(c => c.Use == "CSMSRootCertificate");
        await first.RemoveAsync(root, CancellationToken.None);

        var second = await StationCertificates.LoadAsync(_store.Certificates, Options(), CancellationToken.None);

        Assert.Empty(second.Roots(InstallCertificateUseEnumType.CSMSRootCertificate));
        Assert.NotNull(second.ChargingStationCertificate);
    }

    [Fact]
    public async Task A02_a_new_station_certificate_replaces_the_old_one_and_survives_a_restart_with_its_key_and_chain()
    {
        var certificates = await StationCertificates.LoadAsync(_store.Certificates, Options(), CancellationToken.None);
        var (csr, key) = CertificateSigningRequest.Create(Identity, TestPki.StationOrganization);
        var chain = PemBundle.TryRead(_pki.SignCsr(csr), out _)!;

        await certificates.ReplaceStationCertificateAsync(chain[0], [.. chain.Skip(1)], key, CancellationToken.None);
        var restarted = await StationCertificates.LoadAsync(_store.Certificates, Options(), CancellationToken.None);

        Assert.Equal(chain[0].Thumbprint, restarted.ChargingStationCertificate?.Thumbprint);
        Assert.True(restarted.ChargingStationCertificate!.HasPrivateKey);
        Assert.Equal(_pki.StationCa.Thumbprint, Assert.Single(restarted.ChargingStationCertificateChain).Thumbprint);
        Assert.Single(restarted.All, c => c.Use == CertificateUse.ChargingStationCertificate);
        Assert.Equal(_pki.StationCa.Thumbprint, restarted.IssuerOf(restarted.StationCertificate!)?.Thumbprint);
    }

    public async ValueTask DisposeAsync()
    {
        _pki.Dispose();
        await _store.DisposeAsync();
    }

    private OptionsCertificates Options() => new(new ChargingStationOptions
    {
        Identity = Identity,
        CsmsUrl = new Uri("wss://localhost/ocpp"),
        CsmsRootCertificates = _pki.RootCertificates,
        ClientCertificate = _pki.IssueStationCertificate(Identity),
    });
}
