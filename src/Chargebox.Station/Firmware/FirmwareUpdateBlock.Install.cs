using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Firmware;

/// <summary>L01 installation: InstallScheduled until installDateTime; never under a running transaction
/// (C-43 is not supported: L01.FR.06), meanwhile the idle EVSEs go Unavailable unless
/// AllowNewSessionsPendingFirmwareUpdate (L01.FR.07, C-20); then every EVSE Unavailable, Installing, and
/// InstallRebooting before the reboot that activates the image, or InstallationFailed /
/// InstallVerificationFailed with the EVSEs back in service.</summary>
internal sealed partial class FirmwareUpdateBlock
{
    /// <summary>A transaction ended: an install that waited for the station to be idle may start.</summary>
    public void OnTransactionEnded()
    {
        if (_current is { WaitingForIdle: true } update)
        {
            _services.Inbox.Post(_ =>
            {
                if (ReferenceEquals(_current, update) && update.WaitingForIdle)
                {
                    BeginInstall(update);
                }

                return ValueTask.CompletedTask;
            });
        }
    }

    private void InstallWhenDue(FirmwareUpdate update)
    {
        var wait = update.InstallDateTime is { } at ? at - _services.Clock.GetUtcNow() : TimeSpan.Zero;
        if (wait > TimeSpan.Zero)
        {
            // L01.FR.15 / FR.16: an installDateTime in the future is waited for (reported once, also across a reboot).
            if (update.Status != FirmwareStatusEnumType.InstallScheduled)
            {
                Report(update, FirmwareStatusEnumType.InstallScheduled);
            }

            After(wait, _ =>
            {
                BeginInstall(update);
                return ValueTask.CompletedTask;
            });
            return;
        }

        BeginInstall(update);
    }

    private void BeginInstall(FirmwareUpdate update)
    {
        if (!ReferenceEquals(_current, update))
        {
            return;
        }

        if (_services.Hardware.Evses.Any(e => _availability.EvseInUse(e.EvseId)))
        {
            update.WaitingForIdle = true;
            Hold(!AllowNewSessionsPendingFirmwareUpdate());
            if (update.Status != FirmwareStatusEnumType.InstallScheduled)
            {
                // TC_L_15 step 9: InstallScheduled also says the install waits for a transaction.
                Report(update, FirmwareStatusEnumType.InstallScheduled);
            }

            return;
        }

        update.WaitingForIdle = false;
        Hold(true);
        Report(update, FirmwareStatusEnumType.Installing);
        _ = InstallAsync(update, _installer!);
    }

    private bool AllowNewSessionsPendingFirmwareUpdate() =>
        string.Equals(_services.DeviceModel.ReadActual(new("ChargingStation"), new("AllowNewSessionsPendingFirmwareUpdate")), "true", StringComparison.OrdinalIgnoreCase);

    private async Task InstallAsync(FirmwareUpdate update, IFirmwareInstaller installer)
    {
        var token = update.Cancellation.Token;
        FirmwareInstallResult result;
        try
        {
            result = await installer.InstallAsync(update.RequestId, update.ImagePath, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (IOException ex)
        {
            LogInstallError(_logger, _services.StationId, update.RequestId, ex);
            result = FirmwareInstallResult.InstallationFailed;
        }

        _services.Inbox.Post(ct => OnInstalledAsync(update, result, ct));
    }

    private ValueTask OnInstalledAsync(FirmwareUpdate update, FirmwareInstallResult result, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(_current, update))
        {
            return ValueTask.CompletedTask;
        }

        update.DeleteImage();
        if (result != FirmwareInstallResult.RebootToActivate)
        {
            Report(update, result == FirmwareInstallResult.InstallVerificationFailed
                ? FirmwareStatusEnumType.InstallVerificationFailed
                : FirmwareStatusEnumType.InstallationFailed);
            End(update);
            return ValueTask.CompletedTask;
        }

        // The CSMS hears InstallRebooting before the station goes (RebootBeforeFirmwareActivation step 1);
        // Installed follows the next boot.
        update.Status = FirmwareStatusEnumType.InstallRebooting;
        Persist(update);
        LogStatus(_logger, _services.StationId, update.RequestId, FirmwareStatusEnumType.InstallRebooting);
        if (!_services.CanSendToCsms)
        {
            return RebootAsync(cancellationToken);
        }

        _services.Link.Send(
            new FirmwareStatusNotificationRequest { Status = FirmwareStatusEnumType.InstallRebooting, RequestId = update.RequestId },
            (_, ct) => RebootAsync(ct),
            (_, ct) => RebootAsync(ct));
        return ValueTask.CompletedTask;
    }

    private async ValueTask RebootAsync(CancellationToken cancellationToken)
    {
        // InstallRebooting must be on disk before the power goes, or the next boot cannot report Installed.
        await _writes.ConfigureAwait(false);
        RebootReason = BootReasonEnumType.FirmwareUpdate;
        await _services.Hardware.Power.RebootAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 3805, Level = LogLevel.Error, Message = "Station {StationId}: installing firmware update {RequestId} failed")]
    private static partial void LogInstallError(ILogger logger, string stationId, int requestId, Exception exception);
}
