using Chargebox.Protocol;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Firmware;
using Chargebox.Station.Hardware;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Chargebox.Station.Security;
using Chargebox.Station.Tests.DeviceModel;
using Chargebox.Storage;
using Chargebox.Testing.Pki;
using Chargebox.Transport.FileTransfer;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Firmware;

/// <summary>The firmware block's answers and security events (A04, L01.FR.02, L01.FR.03, FirmwareUpdated after
/// activation), on a station that is offline: the statuses themselves are covered by the conformance tests.</summary>
public sealed class FirmwareUpdateBlockTests : IAsyncDisposable
{
    private static readonly byte[] Image = "3.0.0\nfirmware\n"u8.ToArray();

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource _stop = new();
    private readonly RecordingSecurityEvents _events = new();
    private readonly FirmwareSigningPki _pki;
    private readonly FakeInstaller _installer = new();
    private readonly ServedFile _file = new();

    public FirmwareUpdateBlockTests() => _pki = FirmwareSigningPki.Create(_time.GetUtcNow());

    [Fact]
    public async Task Untrusted_signing_certificate_is_InvalidCertificate_and_raises_InvalidFirmwareSigningCertificate()
    {
        var (router, _) = Start();

        var response = await UpdateAsync(router, Request(signer: _pki.CreateUntrustedSigner()));

        Assert.Equal(UpdateFirmwareStatusEnumType.InvalidCertificate, response.Status);
        Assert.Equal([SecurityEventType.InvalidFirmwareSigningCertificate], _events.Types);
        Assert.Equal(0, _file.Downloads);
    }

    [Fact]
    public async Task Expired_signing_certificate_is_InvalidCertificate_and_raises_InvalidFirmwareSigningCertificate()
    {
        var (router, _) = Start();

        var response = await UpdateAsync(router, Request(signer: _pki.IssueExpiredSigner()));

        Assert.Equal(UpdateFirmwareStatusEnumType.InvalidCertificate, response.Status);
        Assert.Equal([SecurityEventType.InvalidFirmwareSigningCertificate], _events.Types);
    }

    [Fact]
    public async Task Tampered_image_raises_InvalidFirmwareSignature_and_is_not_installed()
    {
        var (router, _) = Start();
        _file.Content = [.. Image, (byte)'!'];

        var response = await UpdateAsync(router, Request());
        await _events.Raised.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);
        Assert.Equal([SecurityEventType.InvalidFirmwareSignature], _events.Types);
        Assert.Equal(0, _installer.Installs);
    }

    [Fact]
    public async Task Unsigned_request_is_Rejected_without_a_security_event()
    {
        var (router, _) = Start();
        var request = Request();

        var response = await UpdateAsync(router, new UpdateFirmwareRequest
        {
            RequestId = 7,
            Firmware = new FirmwareType { Location = request.Firmware.Location, RetrieveDateTime = request.Firmware.RetrieveDateTime },
        });

        Assert.Equal((UpdateFirmwareStatusEnumType.Rejected, "MissingParam"), (response.Status, response.StatusInfo?.ReasonCode));
        Assert.Empty(_events.Types);
    }

    [Fact]
    public async Task Station_without_a_firmware_installer_rejects_UpdateFirmware()
    {
        var (router, _) = Start(withInstaller: false);

        var response = await UpdateAsync(router, Request());

        Assert.Equal((UpdateFirmwareStatusEnumType.Rejected, "UnsupportedRequest"), (response.Status, response.StatusInfo?.ReasonCode));
    }

    [Fact]
    public async Task Boot_that_activated_an_update_raises_FirmwareUpdated_once()
    {
        var (_, block) = Start();
        _installer.Activation = new FirmwareActivation(42, "3.0.0");

        await _inbox!.InvokeAsync(_ =>
        {
            block.OnBootAccepted();
            block.OnBootAccepted();
            return ValueTask.FromResult(true);
        }, CancellationToken.None);

        Assert.Equal([SecurityEventType.FirmwareUpdated], _events.Types);
    }

    [Fact]
    public async Task Boot_without_an_activation_raises_nothing()
    {
        var (_, block) = Start();

        await _inbox!.InvokeAsync(_ =>
        {
            block.OnBootAccepted();
            return ValueTask.FromResult(true);
        }, CancellationToken.None);

        Assert.Empty(_events.Types);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _block?.Dispose();
        _stop.Dispose();
        _pki.Dispose();
    }

    private StationInbox? _inbox;
    private FirmwareUpdateBlock? _block;

    private (CsmsCallRouter Router, FirmwareUpdateBlock Block) Start(bool withInstaller = true)
    {
        var options = new ChargingStationOptions { Identity = "CS-FW", CsmsUrl = new Uri("ws://localhost/ocpp"), ManufacturerRootCertificates = _pki.ManufacturerRootCertificates };
        _inbox = new StationInbox("CS-FW", NullLogger.Instance);
        var router = new CsmsCallRouter(_inbox);
        var services = new StationServices
        {
            StationId = "CS-FW",
            Inbox = _inbox,
            Clock = new StationClock(_time),
            Link = new CsmsLink(_inbox, _stop.Token),
            Router = router,
            Hardware = new StationHardware { Evses = [], Power = new NoPower(), FirmwareInstaller = withInstaller ? _installer : null },
            Store = new InMemoryStationStore(),
            DeviceModel = DeviceModelFactory.Create(StationProfile.Reference, new FakeDeviceModelStore(), _time),
            LoggerFactory = NullLoggerFactory.Instance,
            SecurityEvents = _events,
            SecurityLog = new InMemorySecurityEvents(_time),
            Certificates = new OptionsCertificates(options),
            FileTransfer = _file,
        };
        _block = new FirmwareUpdateBlock(services, new AvailabilityBlock(services));
        _ = Task.Run(() => _inbox.RunAsync(_stop.Token));
        return (router, _block);
    }

    private static async Task<UpdateFirmwareResponse> UpdateAsync(CsmsCallRouter router, UpdateFirmwareRequest request)
    {
        var outcome = await router.HandleAsync(OcppActions.UpdateFirmware, request, CancellationToken.None);
        outcome.AfterAnswered?.Invoke();
        return Assert.IsType<UpdateFirmwareResponse>(outcome.Response);
    }

    private UpdateFirmwareRequest Request(FirmwareSigner? signer = null) => new()
    {
        RequestId = 7,
        Firmware = new FirmwareType
        {
            Location = "http://firmware.example/image.bin",
            RetrieveDateTime = _time.GetUtcNow().AddHours(-2),
            SigningCertificate = (signer ?? _pki.Signer).CertificatePem,
            Signature = (signer ?? _pki.Signer).Sign(Image),
        },
    };

    private sealed class ServedFile : IFileTransfer
    {
        public byte[] Content { get; set; } = Image;

        public int Downloads { get; private set; }

        public IReadOnlyCollection<string> Protocols => ["HTTP"];

        public async Task DownloadAsync(Uri location, string destinationPath, IProgress<long>? progress, CancellationToken cancellationToken)
        {
            Downloads++;
            await File.WriteAllBytesAsync(destinationPath, Content, cancellationToken);
        }

        public Task UploadAsync(string sourcePath, Uri location, string fileName, IProgress<long>? progress, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class FakeInstaller : IFirmwareInstaller
    {
        public FirmwareActivation? Activation { get; set; }

        public int Installs { get; private set; }

        public string? RunningVersion => null;

        public ValueTask<FirmwareInstallResult> InstallAsync(int requestId, string imagePath, CancellationToken cancellationToken)
        {
            Installs++;
            return ValueTask.FromResult(FirmwareInstallResult.RebootToActivate);
        }

        public FirmwareActivation? TakeActivation()
        {
            var activation = Activation;
            Activation = null;
            return activation;
        }
    }

    private sealed class NoPower : IStationPower
    {
        public ValueTask RebootAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
