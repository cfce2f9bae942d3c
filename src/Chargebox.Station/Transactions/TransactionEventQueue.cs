using Chargebox.Protocol;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Protocol.Serialization;
using Chargebox.Station.Runtime;
using Chargebox.Station.Storage;
using Chargebox.Transport;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Transactions;

/// <summary>Delivers TransactionEvent messages (E13, Part 4 transaction-related messages): each one is
/// stored in the persistent queue before it is sent and removed once the CSMS answered, so none is lost
/// offline or in a power cut. One is outstanding at a time, in the order queued, so a later event never
/// overtakes an earlier one. A CALLERROR or a missing answer is retried MessageAttemptsTransactionEvent
/// times, waiting MessageAttemptIntervalTransactionEvent times the number of attempts so far (TC_E_41_CS),
/// then the message is dropped. Losing the connection is not an attempt: delivery resumes on reconnect.</summary>
internal sealed partial class TransactionEventQueue : IDisposable
{
    private readonly StationServices _services;
    private readonly LinkedList<Pending> _pending = new();
    private readonly StationTimer _retry;
    private readonly ILogger _logger;
    private bool _inFlight;

    public TransactionEventQueue(StationServices services)
    {
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<TransactionEventQueue>();
        _retry = new StationTimer(services.Inbox, services.Clock.Inner, _ =>
        {
            Pump();
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>Runs on the loop when the CSMS answered a queued event.</summary>
    public Func<TransactionEventRequest, TransactionEventResponse, CancellationToken, ValueTask>? Answered { get; set; }

    /// <summary>Raised on the loop when the last waiting event was answered (or dropped).</summary>
    public event Action? Drained;

    /// <summary>Raised on the loop right after an event was handed to the connection: a CALL sent from the
    /// handler goes out after it.</summary>
    public event Action<TransactionEventRequest>? Sent;

    /// <summary>Events not yet answered by the CSMS.</summary>
    public int Count => _pending.Count;

    /// <summary>Whether an event of <paramref name="transactionId"/> (any transaction when null) waits for delivery.</summary>
    public bool HasPending(string? transactionId) =>
        _pending.Any(p => transactionId is null || p.Request.TransactionInfo.TransactionId == transactionId);

    /// <summary>Whether the Ended event of <paramref name="transactionId"/> waits for delivery.</summary>
    public bool HasEnded(string transactionId) =>
        _pending.Any(p => p.Request.EventType == TransactionEventEnumType.Ended && p.Request.TransactionInfo.TransactionId == transactionId);

    /// <summary>Picks up what was queued before a reboot (E04: delivered after reconnecting).</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var (stored, request) in await QueuedMessages.LoadAsync(_services.Store.MessageQueue, OcppActions.TransactionEvent, OcppJsonContext.Default.TransactionEventRequest, cancellationToken).ConfigureAwait(false))
        {
            _pending.AddLast(new Pending(stored, request));
        }
    }

    /// <summary>Stores <paramref name="request"/> durably, then sends it when its turn comes. Storage
    /// failures reach the caller: a transaction message that cannot be kept is an error, not a log line.</summary>
    public async ValueTask EnqueueAsync(TransactionEventRequest request, CancellationToken cancellationToken)
    {
        var payload = OcppPayloadCodec.WriteToArray(request, OcppJsonContext.Default.TransactionEventRequest);
        var stored = await _services.Store.MessageQueue
            .EnqueueAsync(OcppActions.TransactionEvent.Name, payload, _services.Clock.GetUtcNow(), cancellationToken)
            .ConfigureAwait(false);
        _pending.AddLast(new Pending(stored, request));
        Pump();
    }

    /// <summary>Sends the oldest event if the station may send and none is outstanding or waiting to be retried.</summary>
    public void Pump()
    {
        if (_inFlight || _retry.IsRunning || !_services.CanSendToCsms || _pending.First is not { } head)
        {
            return;
        }

        _inFlight = true;
        _services.Link.Send(
            head.Value.Request,
            (response, ct) => OnAnsweredAsync(head, response, ct),
            (failure, ct) => OnFailedAsync(head, failure, ct));
        Sent?.Invoke(head.Value.Request);
    }

    public void Dispose() => _retry.Dispose();

    private async ValueTask OnAnsweredAsync(LinkedListNode<Pending> head, TransactionEventResponse response, CancellationToken cancellationToken)
    {
        _inFlight = false;
        await _services.Store.MessageQueue.RemoveAsync(head.Value.Stored.Id, cancellationToken).ConfigureAwait(false);
        _pending.Remove(head);
        if (Answered is { } answered)
        {
            await answered(head.Value.Request, response, cancellationToken).ConfigureAwait(false);
        }

        AfterRemoved();
    }

    private async ValueTask OnFailedAsync(LinkedListNode<Pending> head, Exception failure, CancellationToken cancellationToken)
    {
        _inFlight = false;
        if (failure is OcppConnectionClosedException || !_services.Link.IsOnline)
        {
            // Not an attempt: the event waits for the next connection (E04).
            return;
        }

        var attempts = head.Value.Stored.Attempts + 1;
        var allowed = _services.DeviceModel.OcppComm.MessageAttemptsTransactionEvent;
        if (attempts >= allowed)
        {
            LogDropped(_logger, _services.StationId, head.Value.Request.TransactionInfo.TransactionId, head.Value.Request.SeqNo, attempts, failure.Message);
            await _services.Store.MessageQueue.RemoveAsync(head.Value.Stored.Id, cancellationToken).ConfigureAwait(false);
            _pending.Remove(head);
            AfterRemoved();
            return;
        }

        await _services.Store.MessageQueue.SetAttemptsAsync(head.Value.Stored.Id, attempts, cancellationToken).ConfigureAwait(false);
        head.Value = head.Value with { Stored = head.Value.Stored with { Attempts = attempts } };
        var wait = _services.DeviceModel.OcppComm.MessageAttemptIntervalTransactionEvent * attempts;
        LogRetrying(_logger, _services.StationId, head.Value.Request.SeqNo, attempts, wait.TotalSeconds, failure.Message);
        _retry.Start(wait, Timeout.InfiniteTimeSpan);
    }

    // An event left the queue (answered or dropped): tell who waits for an empty queue, send the next one.
    private void AfterRemoved()
    {
        if (_pending.Count == 0)
        {
            Drained?.Invoke();
        }

        Pump();
    }

    private sealed record Pending(QueuedMessage Stored, TransactionEventRequest Request);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "Station {StationId}: TransactionEvent seqNo {SeqNo} failed (attempt {Attempts}), retrying in {WaitSeconds} s: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string stationId, int seqNo, int attempts, double waitSeconds, string reason);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Error, Message = "Station {StationId}: TransactionEvent of {TransactionId} seqNo {SeqNo} dropped after {Attempts} attempts: {Reason}")]
    private static partial void LogDropped(ILogger logger, string stationId, string transactionId, int seqNo, int attempts, string reason);
}
