using Chargebox.Protocol.Messages;
using Chargebox.Station.Security;
using Chargebox.Station.Storage;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Firmware;

/// <summary>An update that a reboot or a power cut interrupted (the boot activated none): after the CSMS accepted
/// the station it goes on from the status last reported, with the same requestId (L01.FR.10), and without
/// reporting again a status the CSMS has heard already.</summary>
internal sealed partial class FirmwareUpdateBlock
{
    private void Resume(StoredFirmwareUpdate stored)
    {
        if (_current is not null || FirmwareUpdate.FromStored(stored) is not { } update)
        {
            // A newer request runs already, or the saved update cannot be read back: nothing to go on with.
            Write(ct => _store.ClearAsync(ct));
            return;
        }

        LogResuming(_logger, _services.StationId, update.RequestId, stored.Status);
        _current = update;
        switch (update.Status)
        {
            case null:
                // Accepted and saved, but the power went before the first status: the update starts now.
                Begin(update);
                break;

            case FirmwareStatusEnumType.DownloadScheduled:
                // Still waiting for retrieveDateTime (L01.FR.13), or it passed while the station was off.
                Begin(update);
                break;

            case FirmwareStatusEnumType.Downloading or FirmwareStatusEnumType.Downloaded:
                // The download (or the check of its image) was cut short: that attempt failed. With retries left
                // the download starts again after retryInterval, else DownloadFailed (L01.FR.30).
                _services.Inbox.Post(ct => OnDownloadedAsync(update, "interrupted by a reboot", ct));
                break;

            case FirmwareStatusEnumType.SignatureVerified or FirmwareStatusEnumType.InstallScheduled:
                _services.Inbox.Post(ct => ResumeVerifiedAsync(update, ct));
                break;

            case FirmwareStatusEnumType.Installing or FirmwareStatusEnumType.InstallRebooting:
                // The boot activated no new firmware: the old one runs, the installation failed.
                Report(update, FirmwareStatusEnumType.InstallationFailed);
                End(update);
                break;

            default:
                // A final status was reported before the reboot; the update was over.
                End(update);
                break;
        }
    }

    /// <summary>The image was verified before the reboot; it is checked again, since it lay on the disk while the
    /// station was off, and installed when due. Without it the download starts over.</summary>
    private async ValueTask ResumeVerifiedAsync(FirmwareUpdate update, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(_current, update))
        {
            return;
        }

        if (!File.Exists(update.ImagePath))
        {
            StartDownload(update);
            return;
        }

        var digest = await FirmwareSignature.DigestAsync(update.ImagePath, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(_current, update))
        {
            return;
        }

        if (!FirmwareSignature.Verifies(update.SigningCertificate, digest, update.Signature))
        {
            Report(update, FirmwareStatusEnumType.InvalidSignature);
            _services.SecurityEvents.Raise(SecurityEventType.InvalidFirmwareSignature, $"The image of firmware update {update.RequestId} changed while the station was off.");
            End(update);
            return;
        }

        InstallWhenDue(update);
    }

    [LoggerMessage(EventId = 3807, Level = LogLevel.Information, Message = "Station {StationId}: resuming firmware update {RequestId} interrupted at {Status}")]
    private static partial void LogResuming(ILogger logger, string stationId, int requestId, string status);
}
