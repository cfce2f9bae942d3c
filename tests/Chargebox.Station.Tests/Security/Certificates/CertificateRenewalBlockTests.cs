using Chargebox.Protocol;
using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Hardware;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Chargebox.Station.Security;
using Chargebox.Station.Security.Certificates;
using Chargebox.Station.Tests.DeviceModel;
using Chargebox.Storage;
using Chargebox.Testing.Pki;
using Chargebox.Transport.FileTransfer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Security.Certificates;

/// <summary>A02.FR.07, A03.FR.07: CertificateSigned on the station's loop: a refused chain is reported as the
/// security event InvalidChargingStationCertificate; an accepted one replaces the station certificate.</summary>
public sealed class CertificateRenewalBlockTests : IAsyncDisposable
{
    private const string Identity = "CS-RENEW";
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TestPki _pki = TestPki.Create(timeProvider: new FakeTimeProvider(Start));
    private readonly InMemoryStationStore _store = new();
    private readonly RecordedSecurityEvents _events = new();
    private readonly CancellationTokenSource _stop = new();
    private CsmsCallRouter _router = null!;
    private StationCertificates _certificates = null!;

    [Fact]
    public async Task An_untrusted_chain_is_Rejected_and_raises_InvalidChargingStationCertificate()
    {
        var (csr, _) = await StartWithPendingCsrAsync();
        using var stranger = TestPki.Create(timeProvider: new FakeTimeProvider(Start));

        var response = await CertificateSignedAsync(stranger.SignCsr(csr));

        Assert.Equal(CertificateSignedStatusEnumType.Rejected, response.Status);
        Assert.Equal(SecurityEventType.InvalidChargingStationCertificate, Assert.Single(_events.Raised));
        Assert.NotNull(await _store.Certificates.LoadPendingKeyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_good_chain_is_Accepted_replaces_the_certificate_and_forgets_the_pending_key()
    {
        var (csr, _) = await StartWithPendingCsrAsync();
        var chain = _pki.SignCsr(csr);

        var response = await CertificateSignedAsync(chain);

        Assert.Equal(CertificateSignedStatusEnumType.Accepted, response.Status);
        Assert.Empty(_events.Raised);
        Assert.Equal(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(chain).Thumbprint, _certificates.ChargingStationCertificate?.Thumbprint);
        Assert.True(_certificates.ChargingStationCertificate!.HasPrivateKey);
        Assert.Null(await _store.Certificates.LoadPendingKeyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_signing_request_CertificateSigned_is_Rejected_without_a_security_event()
    {
        await StartAsync();

        var response = await CertificateSignedAsync(TestPki.Pem(_pki.IssueStationCertificate(Identity), _pki.StationCa));

        Assert.Equal((CertificateSignedStatusEnumType.Rejected, "InvalidMessageSeq"), (response.Status, response.StatusInfo?.ReasonCode));
        Assert.Empty(_events.Raised);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        _pki.Dispose();
        await _store.DisposeAsync();
    }

    // A CSR made earlier (its key saved before it left, as the block does), then the station started.
    private async Task<(string Csr, byte[] Key)> StartWithPendingCsrAsync()
    {
        var csr = CertificateSigningRequest.Create(Identity, TestPki.StationOrganization);
        await _store.Certificates.SavePendingKeyAsync(csr.PrivateKey, CancellationToken.None);
        await StartAsync();
        return csr;
    }

    private async Task StartAsync()
    {
        var time = new FakeTimeProvider(Start);
        var model = DeviceModelFactory.Create(StationProfile.Reference, new FakeDeviceModelStore(), time);
        model.UpdateActual(new("SecurityCtrlr"), new("OrganizationName"), TestPki.StationOrganization);
        var inbox = new StationInbox(Identity, NullLogger.Instance);
        _ = Task.Run(() => inbox.RunAsync(_stop.Token));
        _router = new CsmsCallRouter(inbox);
        _certificates = await StationCertificates.LoadAsync(_store.Certificates, new OptionsCertificates(new ChargingStationOptions
        {
            Identity = Identity,
            CsmsUrl = new Uri("wss://localhost/ocpp"),
            CsmsRootCertificates = _pki.RootCertificates,
        }), CancellationToken.None);
        var services = new StationServices
        {
            StationId = Identity,
            Inbox = inbox,
            Clock = new StationClock(time),
            Link = new CsmsLink(inbox, CancellationToken.None),
            Router = _router,
            Hardware = new StationHardware { Evses = [], Power = new NoPower() },
            Store = _store,
            DeviceModel = model,
            LoggerFactory = NullLoggerFactory.Instance,
            SecurityEvents = _events,
            SecurityLog = new InMemorySecurityEvents(time),
            Certificates = _certificates,
            FileTransfer = new CompositeFileTransfer([]),
        };
        _ = new CertificateRenewalBlock(services, _certificates, new CertificateManagementBlock(services, _certificates));
    }

    private async Task<CertificateSignedResponse> CertificateSignedAsync(string chain)
    {
        var outcome = await _router.HandleAsync(OcppActions.CertificateSigned, new CertificateSignedRequest { CertificateChain = chain }, CancellationToken.None);
        return Assert.IsType<CertificateSignedResponse>(outcome.Response);
    }

    private sealed class RecordedSecurityEvents : ISecurityEvents
    {
        public List<string> Raised { get; } = [];

        public void Raise(string type, string? techInfo = null) => Raised.Add(type);
    }

    private sealed class NoPower : IStationPower
    {
        public ValueTask RebootAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
