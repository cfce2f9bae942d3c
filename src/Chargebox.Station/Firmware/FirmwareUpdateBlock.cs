using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.Hardware;
using Chargebox.Station.Runtime;
using Chargebox.Station.Security;
using Chargebox.Station.Storage;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Firmware;

/// <summary>Secure firmware update (L01): UpdateFirmware is checked (signing certificate against the
/// ManufacturerRootCertificates), the image downloaded at retrieveDateTime with retries, its signature
/// verified, then installed at installDateTime once no transaction runs, with the EVSEs Unavailable; the
/// reboot that activates it ends in Installed after the next boot. Every step is a FirmwareStatusNotification
/// carrying the requestId.</summary>
internal sealed partial class FirmwareUpdateBlock : IDisposable
{
    private readonly StationServices _services;
    private readonly AvailabilityBlock _availability;
    private readonly IFirmwareInstaller? _installer;
    private readonly StationTimer _timer;
    private readonly ILogger _logger;
    private readonly IFirmwareUpdateStore _store;
    private Func<CancellationToken, ValueTask>? _whenDue;
    private FirmwareUpdate? _current;
    private bool _holdingEvses;

    // The store's writes, one after the other in the order the loop made them.
    private Task _writes = Task.CompletedTask;

    // The update a reboot or power cut interrupted, until the CSMS accepts the station again.
    private StoredFirmwareUpdate? _interrupted;

    public FirmwareUpdateBlock(StationServices services, AvailabilityBlock availability)
    {
        _services = services;
        _availability = availability;
        _installer = services.Hardware.FirmwareInstaller;
        _logger = services.LoggerFactory.CreateLogger<FirmwareUpdateBlock>();
        _store = services.Store.FirmwareUpdate;
        _timer = new StationTimer(services.Inbox, services.Clock.Inner, ct => _whenDue?.Invoke(ct) ?? ValueTask.CompletedTask);
        services.Router.On<UpdateFirmwareRequest, UpdateFirmwareResponse>(UpdateFirmwareAsync);
    }

    /// <summary>Why the station last asked its hardware to reboot for a firmware update (FirmwareUpdate), or null.</summary>
    public BootReasonEnumType? RebootReason { get; private set; }

    /// <summary>Whether an EVSE is kept Unavailable for the update: before installing, and while the install
    /// waits for transactions to end unless AllowNewSessionsPendingFirmwareUpdate (L01.FR.07, C-20).</summary>
    public bool HoldsEvse(int evseId) => _holdingEvses;

    /// <summary>TriggerMessage FirmwareStatusNotification (F06): the status of the update in progress with its
    /// requestId (L01.FR.26), else Idle (L01.FR.25). Sent after the TriggerMessageResponse.</summary>
    public TriggerMessageStatusEnumType Trigger(TriggerMessageRequest request)
    {
        _services.Router.AfterAnswer(() => _services.Link.Send(_current is { Status: { } status } update
            ? new FirmwareStatusNotificationRequest { Status = status, RequestId = update.RequestId }
            : new FirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.Idle }));
        return TriggerMessageStatusEnumType.Accepted;
    }

    /// <summary>Before the station starts: the update a reboot or power cut interrupted, if any, to resume or
    /// report once the CSMS accepts the station.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken) =>
        _interrupted = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>The CSMS accepted the station: if this boot activated an update, report it Installed and raise
    /// FirmwareUpdated (L01.FR.28, L01.FR.31); else go on with an update the reboot interrupted.</summary>
    public void OnBootAccepted()
    {
        var interrupted = _interrupted;
        _interrupted = null;
        if (_installer?.TakeActivation() is { } activation)
        {
            LogActivated(_logger, _services.StationId, activation.Version, activation.RequestId);
            _services.Link.Send(new FirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.Installed, RequestId = activation.RequestId });
            _services.SecurityEvents.Raise(SecurityEventType.FirmwareUpdated, $"Firmware {activation.Version} running (requestId {activation.RequestId}).");
            if (interrupted is not null && _current is null)
            {
                Write(ct => _store.ClearAsync(ct));
            }

            return;
        }

        if (interrupted is not null)
        {
            Resume(interrupted);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();

        // The station stops (a reboot, a power cut as the tests make one): the stored update stays for the next
        // boot, and so does an image whose signature was verified, so that the install needs no new download.
        if (_current is { ImageVerified: true } verified)
        {
            verified.Release();
        }
        else
        {
            _current?.Dispose();
        }

        _current = null;
    }

    private async ValueTask<UpdateFirmwareResponse> UpdateFirmwareAsync(UpdateFirmwareRequest request, CancellationToken cancellationToken)
    {
        var response = UpdateFirmware(request);
        if (response.Status is UpdateFirmwareStatusEnumType.Accepted or UpdateFirmwareStatusEnumType.AcceptedCanceled && _current is { } update)
        {
            // Accepted only once the update is on disk: a power cut right after the answer, before the first
            // status, must not make the station forget an update the CSMS counts on.
            Persist(update);
            await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private UpdateFirmwareResponse UpdateFirmware(UpdateFirmwareRequest request)
    {
        var firmware = request.Firmware;
        if (_installer is null)
        {
            return Refuse(UpdateFirmwareStatusEnumType.Rejected, "UnsupportedRequest", "This charging station cannot install firmware.");
        }

        // TC_L_18: a station that supports the secure update accepts no unsigned firmware.
        if (string.IsNullOrEmpty(firmware.SigningCertificate) || string.IsNullOrEmpty(firmware.Signature))
        {
            return Refuse(UpdateFirmwareStatusEnumType.Rejected, "MissingParam", "firmware.signingCertificate and firmware.signature are required.");
        }

        if (!Uri.TryCreate(firmware.Location, UriKind.Absolute, out var location) || string.IsNullOrEmpty(location.Host))
        {
            return Refuse(UpdateFirmwareStatusEnumType.Rejected, "InvalidURL", $"firmware.location '{firmware.Location}' is not an absolute URL.");
        }

        // L01.FR.02: the signing certificate is checked before anything is downloaded.
        var certificate = FirmwareSignature.ParseCertificate(firmware.SigningCertificate);
        var problem = certificate is null
            ? "firmware.signingCertificate is not a PEM certificate."
            : FirmwareSignature.CertificateProblem(certificate, _services.Certificates.Roots(InstallCertificateUseEnumType.ManufacturerRootCertificate), _services.Clock.GetUtcNow());
        if (problem is not null)
        {
            certificate?.Dispose();
            _services.SecurityEvents.Raise(SecurityEventType.InvalidFirmwareSigningCertificate, problem);
            return Refuse(UpdateFirmwareStatusEnumType.InvalidCertificate, "InvalidCertificate", problem);
        }

        var status = UpdateFirmwareStatusEnumType.Accepted;
        if (_current is { } running)
        {
            if (!running.Cancelable)
            {
                certificate!.Dispose();
                return Refuse(UpdateFirmwareStatusEnumType.Rejected, "FwUpdateInProgress", $"Firmware update {running.RequestId} is installing and cannot be cancelled.");
            }

            // L01.FR.24 (C-60): a newer request cancels the one in progress.
            LogCancelled(_logger, _services.StationId, running.RequestId, request.RequestId);
            End(running);
            status = UpdateFirmwareStatusEnumType.AcceptedCanceled;
        }

        var imagePath = Path.Combine(Path.GetTempPath(), "chargebox-firmware-" + Path.GetRandomFileName());
        var update = new FirmwareUpdate(request, location, certificate!, imagePath);
        _current = update;
        _services.Router.AfterAnswer(() => Begin(update));
        return new UpdateFirmwareResponse { Status = status };
    }

    private static UpdateFirmwareResponse Refuse(UpdateFirmwareStatusEnumType status, string reasonCode, string info) => new()
    {
        Status = status,
        StatusInfo = new StatusInfoType { ReasonCode = reasonCode, AdditionalInfo = info.Length <= 512 ? info : info[..512] },
    };

    /// <summary>Sends a FirmwareStatusNotification for <paramref name="update"/> (L01.FR.20: with its
    /// requestId) and remembers it for TriggerMessage. Not queued while offline: only the latest status matters.</summary>
    private void Report(FirmwareUpdate update, FirmwareStatusEnumType status)
    {
        update.Status = status;
        Persist(update);
        LogStatus(_logger, _services.StationId, update.RequestId, status);
        if (_services.CanSendToCsms)
        {
            _services.Link.Send(new FirmwareStatusNotificationRequest { Status = status, RequestId = update.RequestId });
        }
    }

    /// <summary>Runs <paramref name="work"/> after <paramref name="delay"/> on the loop; one thing waits at a time.</summary>
    private void After(TimeSpan delay, Func<CancellationToken, ValueTask> work)
    {
        _whenDue = work;
        _timer.Start(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The update is over (finished, failed or cancelled): nothing of it stays behind.</summary>
    private void End(FirmwareUpdate update)
    {
        if (!ReferenceEquals(_current, update))
        {
            return;
        }

        _timer.Stop();
        _whenDue = null;
        _current = null;
        update.Dispose();
        Hold(false);
        Write(ct => _store.ClearAsync(ct));
    }

    /// <summary>Saves how far <paramref name="update"/> got, so that a reboot resumes or reports it.</summary>
    private void Persist(FirmwareUpdate update)
    {
        if (ReferenceEquals(_current, update))
        {
            var stored = update.ToStored();
            Write(ct => _store.SaveAsync(stored, ct));
        }
    }

    private void Write(Func<CancellationToken, ValueTask> write) => _writes = WriteAfterAsync(_writes, write);

    private async Task WriteAfterAsync(Task previous, Func<CancellationToken, ValueTask> write)
    {
        await previous.ConfigureAwait(false);
        try
        {
            await write(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A store that fails costs the update its resumption after a reboot, not the update itself.
            LogStoreFailed(_logger, _services.StationId, ex);
        }
    }

    private void Hold(bool hold)
    {
        if (_holdingEvses != hold)
        {
            _holdingEvses = hold;
            _availability.Refresh();
        }
    }

    [LoggerMessage(EventId = 3801, Level = LogLevel.Information, Message = "Station {StationId}: firmware update {RequestId} {Status}")]
    private static partial void LogStatus(ILogger logger, string stationId, int requestId, FirmwareStatusEnumType status);

    [LoggerMessage(EventId = 3802, Level = LogLevel.Information, Message = "Station {StationId}: firmware update {RequestId} cancelled by update {NewRequestId}")]
    private static partial void LogCancelled(ILogger logger, string stationId, int requestId, int newRequestId);

    [LoggerMessage(EventId = 3806, Level = LogLevel.Warning, Message = "Station {StationId}: the firmware update could not be saved")]
    private static partial void LogStoreFailed(ILogger logger, string stationId, Exception exception);

    [LoggerMessage(EventId = 3803, Level = LogLevel.Information, Message = "Station {StationId}: firmware {Version} of update {RequestId} is running")]
    private static partial void LogActivated(ILogger logger, string stationId, string version, int requestId);
}
