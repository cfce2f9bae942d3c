using Chargebox.Protocol.Messages;
using Chargebox.Station.RemoteControl;
using Chargebox.Station.Runtime;
using Chargebox.Transport.FileTransfer;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Diagnostics;

/// <summary>GetLog (N01): uploads the diagnostics log or the security log to the CSMS's remoteLocation and
/// reports progress in LogStatusNotification; also TriggerMessage LogStatusNotification (F06). The upload runs
/// beside the loop; its outcome comes back into the inbox, so charging never waits for a log server.</summary>
internal sealed partial class GetLogBlock : IDisposable
{
    /// <summary>Retries when the CSMS gives none ("left to the station").</summary>
    public const int DefaultRetries = 0;

    public static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(60);

    private readonly StationServices _services;
    private readonly DiagnosticsLog _diagnosticsLog;
    private readonly ILogger _logger;
    private readonly StationTimer _retry;
    private LogUpload? _upload;

    public GetLogBlock(StationServices services, DiagnosticsLog diagnosticsLog, TriggerMessageBlock trigger)
    {
        _services = services;
        _diagnosticsLog = diagnosticsLog;
        _logger = services.LoggerFactory.CreateLogger("Chargebox.Station.Diagnostics");
        _retry = new StationTimer(services.Inbox, services.Clock.Inner, _ =>
        {
            if (_upload is { } upload)
            {
                Attempt(upload);
            }

            return ValueTask.CompletedTask;
        });
        services.Router.On<GetLogRequest, GetLogResponse>(GetLogAsync);
        trigger.Register(MessageTriggerEnumType.LogStatusNotification, Trigger);
    }

    public void Dispose()
    {
        _retry.Dispose();
        _upload?.Dispose();
        _upload = null;
    }

    private async ValueTask<GetLogResponse> GetLogAsync(GetLogRequest request, CancellationToken cancellationToken)
    {
        // N01.FR.12 says a station SHOULD cancel the running upload and answer AcceptedCanceled; this one cannot
        // cancel an upload (PICS C-57: No), so the second request is refused and the first one runs on.
        if (_upload is not null)
        {
            return Refuse("UploadInProgress", $"Log upload {_upload.RequestId} is still running.");
        }

        // N01.FR.05: when the requested log information is not available, Rejected and nothing is uploaded: the
        // diagnostics log is turned off (ChargingStationOptions.DiagnosticsLogCapacity 0), or no entry of the
        // requested log lies between oldestTimestamp and latestTimestamp.
        if (request.LogType == LogEnumType.DiagnosticsLog && !_diagnosticsLog.Enabled)
        {
            return Refuse("NotEnabled", "This charging station keeps no diagnostics log.");
        }

        var content = await ContentAsync(request, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return Refuse("NotFound", $"The {request.LogType} holds no entry in the requested period.");
        }

        Uri.TryCreate(request.Log.RemoteLocation, UriKind.Absolute, out var location);
        var fileName = LogFile.Name(_services.StationId, request.LogType, _services.Clock.GetUtcNow());
        var upload = new LogUpload(request, location, fileName) { Content = content };
        _upload = upload;

        // N01.FR.07: the LogStatusNotifications follow the GetLogResponse.
        _services.Router.AfterAnswer(() => _services.Inbox.Post(() => Attempt(upload)));
        return new GetLogResponse { Status = LogStatusEnumType.Accepted, Filename = fileName };
    }

    private static GetLogResponse Refuse(string reasonCode, string additionalInfo) => new()
    {
        Status = LogStatusEnumType.Rejected,
        StatusInfo = new StatusInfoType { ReasonCode = reasonCode, AdditionalInfo = additionalInfo },
    };

    /// <summary>The file's text, made once when the request is accepted so that every retry sends the same file;
    /// null when the requested log has no entry in the requested period.</summary>
    private async ValueTask<string?> ContentAsync(GetLogRequest request, CancellationToken cancellationToken)
    {
        var oldest = request.Log.OldestTimestamp;
        var latest = request.Log.LatestTimestamp;
        var header = LogFile.Header(_services.StationId, request.LogType, oldest, latest, _services.Clock.GetUtcNow());
        if (request.LogType == LogEnumType.SecurityLog)
        {
            var entries = await _services.SecurityLog.ReadAsync(oldest, latest, cancellationToken).ConfigureAwait(false);
            return entries.Count == 0 ? null : LogFile.Security(header, entries);
        }

        var lines = _diagnosticsLog.Read(oldest, latest);
        return lines.Count == 0 ? null : LogFile.Diagnostics(header, lines);
    }

    private void Attempt(LogUpload upload)
    {
        if (!ReferenceEquals(upload, _upload))
        {
            return;
        }

        // A remoteLocation that is no URL, or one this station has no protocol for, cannot succeed on a retry.
        if (upload.Location is null || string.IsNullOrEmpty(upload.Location.Host))
        {
            Finish(upload, UploadLogStatusEnumType.BadMessage);
            return;
        }

        if (!_services.FileTransfer.Protocols.Contains(upload.Location.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            Finish(upload, UploadLogStatusEnumType.NotSupportedOperation);
            return;
        }

        Notify(UploadLogStatusEnumType.Uploading, upload.RequestId);
        var content = upload.Content;
        var stopping = upload.Stopping.Token;
        _ = Task.Run(() => UploadAsync(upload, content, stopping), CancellationToken.None);
    }

    // Runs beside the loop: file I/O and the transfer; the outcome is posted back.
    private async Task UploadAsync(LogUpload upload, string content, CancellationToken cancellationToken)
    {
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("chargebox-log-");
            var path = Path.Combine(folder.FullName, upload.FileName);
            await File.WriteAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
            await _services.FileTransfer.UploadAsync(path, upload.Location!, upload.FileName, null, cancellationToken).ConfigureAwait(false);
            _services.Inbox.Post(() => Finish(upload, UploadLogStatusEnumType.Uploaded));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The station is stopping.
        }
        catch (FileTransferException failure)
        {
            _services.Inbox.Post(() => OnFailed(upload, failure.Failure, failure.Message));
        }
        catch (Exception ex)
        {
            // Whatever broke (disk, a transfer's bug), the upload must end in a status, or it would block the next.
            _services.Inbox.Post(() => OnFailed(upload, FileTransferFailure.TransferFailed, ex.Message));
        }
        finally
        {
            try
            {
                folder?.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is no reason to report the upload differently.
            }
        }
    }

    private void OnFailed(LogUpload upload, FileTransferFailure failure, string reason)
    {
        if (!ReferenceEquals(upload, _upload))
        {
            return;
        }

        LogAttemptFailed(_logger, _services.StationId, upload.RequestId, upload.RetriesLeft, reason);
        if (failure is not (FileTransferFailure.InvalidLocation or FileTransferFailure.UnsupportedProtocol) && upload.RetriesLeft > 0)
        {
            // N01.FR.10 with retries/retryInterval: try again after the interval.
            upload.RetriesLeft--;
            _retry.Start(upload.RetryInterval, Timeout.InfiniteTimeSpan);
            return;
        }

        Finish(upload, failure switch
        {
            FileTransferFailure.InvalidLocation => UploadLogStatusEnumType.BadMessage,
            FileTransferFailure.UnsupportedProtocol => UploadLogStatusEnumType.NotSupportedOperation,
            FileTransferFailure.PermissionDenied => UploadLogStatusEnumType.PermissionDenied,
            _ => UploadLogStatusEnumType.UploadFailure,
        });
    }

    private void Finish(LogUpload upload, UploadLogStatusEnumType status)
    {
        if (!ReferenceEquals(upload, _upload))
        {
            return;
        }

        _upload = null;
        _retry.Stop();
        upload.Dispose();
        Notify(status, upload.RequestId);
    }

    private TriggerMessageStatusEnumType Trigger(TriggerMessageRequest request)
    {
        // F06.FR.14: Uploading with the running request's id; F06.FR.15: Idle, without one, when none runs.
        var running = _upload?.RequestId;
        _services.Router.AfterAnswer(() => Notify(running is null ? UploadLogStatusEnumType.Idle : UploadLogStatusEnumType.Uploading, running));
        return TriggerMessageStatusEnumType.Accepted;
    }

    private void Notify(UploadLogStatusEnumType status, int? requestId) =>
        _services.Link.Send(new LogStatusNotificationRequest { Status = status, RequestId = requestId });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Station {StationId}: log upload {RequestId} failed ({RetriesLeft} retries left): {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, string stationId, int requestId, int retriesLeft, string reason);
}
