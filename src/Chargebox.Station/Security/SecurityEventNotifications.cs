using Chargebox.Protocol;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Protocol.Serialization;
using Chargebox.Station.Runtime;
using Chargebox.Station.Storage;
using Chargebox.Transport;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Security;

/// <summary>Delivers critical security events to the CSMS as SecurityEventNotification (A04.FR.02): each is
/// stored in the persistent outgoing queue (under its own action, beside the TransactionEvents) before it is
/// sent, so events raised offline, before acceptance or before a power cut arrive after the next accepted
/// connection, oldest first, one at a time, with the time they happened. A CALLERROR or a missing answer is
/// tried again up to <see cref="MaxAttempts"/> times; losing the connection is not an attempt.</summary>
internal sealed partial class SecurityEventNotifications
{
    public const int MaxAttempts = 3;

    private readonly StationServices _services;
    private readonly LinkedList<Pending> _pending = new();
    private readonly ILogger _logger;
    private bool _inFlight;

    public SecurityEventNotifications(StationServices services)
    {
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<SecurityEventNotifications>();
    }

    /// <summary>Events not yet answered by the CSMS.</summary>
    public int Count => _pending.Count;

    /// <summary>Picks up the notifications queued before a reboot.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var (stored, request) in await QueuedMessages.LoadAsync(_services.Store.MessageQueue, OcppActions.SecurityEventNotification, OcppJsonContext.Default.SecurityEventNotificationRequest, cancellationToken).ConfigureAwait(false))
        {
            _pending.AddLast(new Pending(stored, request));
        }
    }

    /// <summary>Stores the notification of <paramref name="record"/> durably, then sends it when its turn comes.</summary>
    public async ValueTask EnqueueAsync(SecurityLogRecord record, CancellationToken cancellationToken)
    {
        var request = new SecurityEventNotificationRequest { Type = record.Type, Timestamp = record.Timestamp, TechInfo = record.TechInfo };
        var payload = OcppPayloadCodec.WriteToArray(request, OcppJsonContext.Default.SecurityEventNotificationRequest);
        var stored = await _services.Store.MessageQueue
            .EnqueueAsync(OcppActions.SecurityEventNotification.Name, payload, record.Timestamp, cancellationToken)
            .ConfigureAwait(false);
        _pending.AddLast(new Pending(stored, request));
        Pump();
    }

    /// <summary>Sends the oldest notification if the station may send (online and accepted, B02/B03) and none is outstanding.</summary>
    public void Pump()
    {
        if (_inFlight || !_services.CanSendToCsms || _pending.First is not { } head)
        {
            return;
        }

        _inFlight = true;
        _services.Link.Send(
            head.Value.Request,
            (_, ct) => OnAnsweredAsync(head, ct),
            (failure, ct) => OnFailedAsync(head, failure, ct));
    }

    private async ValueTask OnAnsweredAsync(LinkedListNode<Pending> head, CancellationToken cancellationToken)
    {
        _inFlight = false;
        await RemoveAsync(head, cancellationToken).ConfigureAwait(false);
        Pump();
    }

    private async ValueTask OnFailedAsync(LinkedListNode<Pending> head, Exception failure, CancellationToken cancellationToken)
    {
        _inFlight = false;
        if (failure is OcppConnectionClosedException || !_services.Link.IsOnline)
        {
            // Not an attempt: the notification waits for the next connection.
            return;
        }

        var attempts = head.Value.Stored.Attempts + 1;
        if (attempts >= MaxAttempts)
        {
            LogDropped(_logger, _services.StationId, head.Value.Request.Type, attempts, failure.Message);
            await RemoveAsync(head, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await _services.Store.MessageQueue.SetAttemptsAsync(head.Value.Stored.Id, attempts, cancellationToken).ConfigureAwait(false);
            head.Value = head.Value with { Stored = head.Value.Stored with { Attempts = attempts } };
        }

        Pump();
    }

    private async ValueTask RemoveAsync(LinkedListNode<Pending> head, CancellationToken cancellationToken)
    {
        await _services.Store.MessageQueue.RemoveAsync(head.Value.Stored.Id, cancellationToken).ConfigureAwait(false);
        _pending.Remove(head);
    }

    private sealed record Pending(QueuedMessage Stored, SecurityEventNotificationRequest Request);

    [LoggerMessage(EventId = 3903, Level = LogLevel.Warning, Message = "Station {StationId}: SecurityEventNotification {Type} dropped after {Attempts} attempts: {Reason}")]
    private static partial void LogDropped(ILogger logger, string stationId, string type, int attempts, string reason);
}
