using Chargebox.Protocol.Messages;
using Chargebox.Station.Security;
using Chargebox.Transport.FileTransfer;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Firmware;

/// <summary>L01 download and signature check: DownloadScheduled until retrieveDateTime, Downloading (while
/// transactions run too, AQ-7), retries after retryInterval, then DownloadFailed or Downloaded, and
/// SignatureVerified or InvalidSignature with the InvalidFirmwareSignature security event (L01.FR.03).</summary>
internal sealed partial class FirmwareUpdateBlock
{
    private void Begin(FirmwareUpdate update)
    {
        if (!ReferenceEquals(_current, update))
        {
            return;
        }

        var wait = update.RetrieveDateTime - _services.Clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            // L01.FR.13: a retrieveDateTime in the future is waited for (reported once, also across a reboot).
            if (update.Status != FirmwareStatusEnumType.DownloadScheduled)
            {
                Report(update, FirmwareStatusEnumType.DownloadScheduled);
            }

            After(wait, _ =>
            {
                StartDownload(update);
                return ValueTask.CompletedTask;
            });
            return;
        }

        StartDownload(update);
    }

    private void StartDownload(FirmwareUpdate update)
    {
        if (update.Status != FirmwareStatusEnumType.Downloading)
        {
            Report(update, FirmwareStatusEnumType.Downloading);
        }

        // The transfer runs beside the loop, which keeps serving the CSMS; its outcome comes back through the inbox.
        _ = DownloadAsync(update);
    }

    private async Task DownloadAsync(FirmwareUpdate update)
    {
        var token = update.Cancellation.Token;
        string? failure = null;
        try
        {
            await _services.FileTransfer.DownloadAsync(update.Location, update.ImagePath, null, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            update.DeleteImage();
            return;
        }
        catch (FileTransferException ex)
        {
            failure = $"{ex.Failure}: {ex.Message}";
        }
        catch (IOException ex)
        {
            failure = ex.Message;
        }
        catch (UnauthorizedAccessException ex)
        {
            failure = ex.Message;
        }

        _services.Inbox.Post(ct => OnDownloadedAsync(update, failure, ct));
    }

    private async ValueTask OnDownloadedAsync(FirmwareUpdate update, string? failure, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(_current, update))
        {
            return;
        }

        if (failure is not null)
        {
            LogDownloadFailed(_logger, _services.StationId, update.RequestId, update.RetriesLeft, failure);
            if (update.RetriesLeft > 0)
            {
                update.RetriesLeft--;
                Persist(update);
                After(update.RetryInterval, _ =>
                {
                    StartDownload(update);
                    return ValueTask.CompletedTask;
                });
                return;
            }

            Report(update, FirmwareStatusEnumType.DownloadFailed);
            End(update);
            return;
        }

        Report(update, FirmwareStatusEnumType.Downloaded);
        var digest = await FirmwareSignature.DigestAsync(update.ImagePath, cancellationToken).ConfigureAwait(false);
        if (!FirmwareSignature.Verifies(update.SigningCertificate, digest, update.Signature))
        {
            Report(update, FirmwareStatusEnumType.InvalidSignature);
            _services.SecurityEvents.Raise(SecurityEventType.InvalidFirmwareSignature, $"The signature of firmware update {update.RequestId} from {update.Location} does not match the image.");
            End(update);
            return;
        }

        Report(update, FirmwareStatusEnumType.SignatureVerified);
        InstallWhenDue(update);
    }

    [LoggerMessage(EventId = 3804, Level = LogLevel.Warning, Message = "Station {StationId}: firmware update {RequestId} download failed ({RetriesLeft} retries left): {Failure}")]
    private static partial void LogDownloadFailed(ILogger logger, string stationId, int requestId, int retriesLeft, string failure);
}
