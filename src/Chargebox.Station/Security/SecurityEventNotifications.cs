using Chargebox.Protocol;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Chargebox.Station.Storage;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Security;

/// <summary>Delivers critical security events to the CSMS as SecurityEventNotification (A04.FR.02) through the
/// station's <see cref="PersistentOutbox{TRequest, TResponse}"/> (under its own action, beside the
/// TransactionEvents), so events raised offline, before acceptance or before a power cut arrive after the next
/// accepted connection, oldest first, one at a time, with the time they happened. A CALLERROR or a missing
/// answer is tried again at once, up to <see cref="MaxAttempts"/> times.</summary>
internal sealed partial class SecurityEventNotifications
{
    public const int MaxAttempts = 3;

    private readonly PersistentOutbox<SecurityEventNotificationRequest, SecurityEventNotificationResponse> _outbox;

    public SecurityEventNotifications(StationServices services)
    {
        var logger = services.LoggerFactory.CreateLogger<SecurityEventNotifications>();
        // No wait before retrying, so the outbox needs no timer and this class nothing to dispose.
        _outbox = StationOutbox.For<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
            services, OcppActions.SecurityEventNotification, OcppJsonContext.Default.SecurityEventNotificationRequest, new OutboxRetryPolicy(static () => MaxAttempts));
        _outbox.Dropped += (request, attempts, failure) => LogDropped(logger, services.StationId, request.Type, attempts, failure.Message);
    }

    /// <summary>Events not yet answered by the CSMS.</summary>
    public int Count => _outbox.Count;

    /// <summary>Picks up the notifications queued before a reboot.</summary>
    public ValueTask LoadAsync(CancellationToken cancellationToken) => _outbox.LoadAsync(cancellationToken);

    /// <summary>Stores the notification of <paramref name="record"/> durably, then sends it when its turn comes.</summary>
    public ValueTask EnqueueAsync(SecurityLogRecord record, CancellationToken cancellationToken) =>
        _outbox.EnqueueAsync(
            new SecurityEventNotificationRequest { Type = record.Type, Timestamp = record.Timestamp, TechInfo = record.TechInfo },
            record.Timestamp,
            cancellationToken);

    /// <summary>Sends the oldest notification if the station may send (online and accepted, B02/B03) and none is outstanding.</summary>
    public void Pump() => _outbox.Pump();

    [LoggerMessage(EventId = 3903, Level = LogLevel.Warning, Message = "Station {StationId}: SecurityEventNotification {Type} dropped after {Attempts} attempts: {Reason}")]
    private static partial void LogDropped(ILogger logger, string stationId, string type, int attempts, string reason);
}
