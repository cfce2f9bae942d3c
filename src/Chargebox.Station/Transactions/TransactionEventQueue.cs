using Chargebox.Protocol;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Transactions;

/// <summary>Delivers TransactionEvent messages (E13, Part 4 transaction-related messages) through the station's
/// <see cref="PersistentOutbox{TRequest, TResponse}"/>, so none is lost offline or in a power cut and a later
/// event never overtakes an earlier one. A CALLERROR or a missing answer is retried
/// MessageAttemptsTransactionEvent times, waiting MessageAttemptIntervalTransactionEvent times the number of
/// attempts so far (TC_E_41_CS), then the message is dropped.</summary>
internal sealed partial class TransactionEventQueue : IDisposable
{
    private readonly StationClock _clock;
    private readonly PersistentOutbox<TransactionEventRequest, TransactionEventResponse> _outbox;

    public TransactionEventQueue(StationServices services)
    {
        _clock = services.Clock;
        var logger = services.LoggerFactory.CreateLogger<TransactionEventQueue>();
        var comm = services.DeviceModel.OcppComm;
        _outbox = StationOutbox.For<TransactionEventRequest, TransactionEventResponse>(
            services,
            OcppActions.TransactionEvent,
            OcppJsonContext.Default.TransactionEventRequest,
            new OutboxRetryPolicy(() => comm.MessageAttemptsTransactionEvent, attempts => comm.MessageAttemptIntervalTransactionEvent * attempts));
        _outbox.Retrying += (request, attempts, wait, failure) =>
            LogRetrying(logger, services.StationId, request.SeqNo, attempts, wait.TotalSeconds, failure.Message);
        _outbox.Dropped += (request, attempts, failure) =>
            LogDropped(logger, services.StationId, request.TransactionInfo.TransactionId, request.SeqNo, attempts, failure.Message);
    }

    /// <summary>Runs on the loop when the CSMS answered a queued event.</summary>
    public Func<TransactionEventRequest, TransactionEventResponse, CancellationToken, ValueTask>? Answered
    {
        get => _outbox.Answered;
        set => _outbox.Answered = value;
    }

    /// <summary>Raised on the loop when the last waiting event was answered (or dropped).</summary>
    public event Action? Drained
    {
        add => _outbox.Drained += value;
        remove => _outbox.Drained -= value;
    }

    /// <summary>Raised on the loop right after an event was handed to the connection: a CALL sent from the
    /// handler goes out after it.</summary>
    public event Action<TransactionEventRequest>? Sent
    {
        add => _outbox.Sent += value;
        remove => _outbox.Sent -= value;
    }

    /// <summary>Events not yet answered by the CSMS.</summary>
    public int Count => _outbox.Count;

    /// <summary>Whether an event of <paramref name="transactionId"/> (any transaction when null) waits for delivery.</summary>
    public bool HasPending(string? transactionId) =>
        _outbox.Waiting.Any(r => transactionId is null || r.TransactionInfo.TransactionId == transactionId);

    /// <summary>Whether the Ended event of <paramref name="transactionId"/> waits for delivery.</summary>
    public bool HasEnded(string transactionId) =>
        _outbox.Waiting.Any(r => r.EventType == TransactionEventEnumType.Ended && r.TransactionInfo.TransactionId == transactionId);

    /// <summary>Picks up what was queued before a reboot (E04: delivered after reconnecting).</summary>
    public ValueTask LoadAsync(CancellationToken cancellationToken) => _outbox.LoadAsync(cancellationToken);

    /// <summary>Stores <paramref name="request"/> durably, then sends it when its turn comes. Storage
    /// failures reach the caller: a transaction message that cannot be kept is an error, not a log line.</summary>
    public ValueTask EnqueueAsync(TransactionEventRequest request, CancellationToken cancellationToken) =>
        _outbox.EnqueueAsync(request, _clock.GetUtcNow(), cancellationToken);

    /// <summary>Sends the oldest event if the station may send and none is outstanding or waiting to be retried.</summary>
    public void Pump() => _outbox.Pump();

    public void Dispose() => _outbox.Dispose();

    [LoggerMessage(EventId = 3601, Level = LogLevel.Warning, Message = "Station {StationId}: TransactionEvent seqNo {SeqNo} failed (attempt {Attempts}), retrying in {WaitSeconds} s: {Reason}")]
    private static partial void LogRetrying(ILogger logger, string stationId, int seqNo, int attempts, double waitSeconds, string reason);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Error, Message = "Station {StationId}: TransactionEvent of {TransactionId} seqNo {SeqNo} dropped after {Attempts} attempts: {Reason}")]
    private static partial void LogDropped(ILogger logger, string stationId, string transactionId, int seqNo, int attempts, string reason);
}
