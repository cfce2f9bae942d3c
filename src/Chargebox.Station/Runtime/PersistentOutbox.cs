using System.Text.Json.Serialization.Metadata;
using Chargebox.Protocol;
using Chargebox.Protocol.Serialization;
using Chargebox.Station.Storage;
using Chargebox.Transport;

namespace Chargebox.Station.Runtime;

/// <summary>Delivers the messages of one action that must reach the CSMS even across a lost connection or a
/// power cut (TransactionEvent E13, SecurityEventNotification A04.FR.02). Each is stored in the persistent
/// queue before it is sent and removed only once the CSMS answered it or it was dropped, so delivery is at
/// least once. One is outstanding at a time, in the order queued, so a later message never overtakes an
/// earlier one. A CALLERROR or a missing answer is an attempt, counted in the store so a reboot keeps it, and
/// retried as the <see cref="OutboxRetryPolicy"/> says until it drops the message; losing the connection is
/// not an attempt: delivery resumes on the next accepted connection. Used only on the station's loop.</summary>
internal sealed class PersistentOutbox<TRequest, TResponse> : IDisposable
    where TRequest : class, IOcppRequest<TResponse>
    where TResponse : class, IOcppResponse
{
    private readonly IMessageQueueStore _store;
    private readonly IOutboxLink _link;
    private readonly OcppAction _action;
    private readonly JsonTypeInfo<TRequest> _typeInfo;
    private readonly OutboxRetryPolicy _policy;
    private readonly LinkedList<Pending> _pending = new();
    private readonly StationTimer? _retry;
    private bool _inFlight;

    public PersistentOutbox(
        IMessageQueueStore store,
        IOutboxLink link,
        StationInbox inbox,
        TimeProvider time,
        OcppAction action,
        JsonTypeInfo<TRequest> typeInfo,
        OutboxRetryPolicy policy)
    {
        _store = store;
        _link = link;
        _action = action;
        _typeInfo = typeInfo;
        _policy = policy;
        if (policy.WaitBeforeRetry is not null)
        {
            _retry = new StationTimer(inbox, time, _ =>
            {
                Pump();
                return ValueTask.CompletedTask;
            });
        }
    }

    /// <summary>Runs on the loop when the CSMS answered a message, after it left the queue.</summary>
    public Func<TRequest, TResponse, CancellationToken, ValueTask>? Answered { get; set; }

    /// <summary>Raised on the loop when the last waiting message left the queue (answered or dropped).</summary>
    public event Action? Drained;

    /// <summary>Raised on the loop right after a message was handed to the link: a CALL sent from the handler
    /// goes out after it.</summary>
    public event Action<TRequest>? Sent;

    /// <summary>Raised on the loop when a failed message will be tried again: the failed attempts so far and
    /// the wait before the next.</summary>
    public event Action<TRequest, int, TimeSpan, Exception>? Retrying;

    /// <summary>Raised on the loop when a message failed its last allowed attempt, before it is removed.</summary>
    public event Action<TRequest, int, Exception>? Dropped;

    /// <summary>Messages not yet answered by the CSMS (nor dropped).</summary>
    public int Count => _pending.Count;

    /// <summary>The messages not yet answered, oldest first.</summary>
    public IEnumerable<TRequest> Waiting => _pending.Select(p => p.Request);

    /// <summary>Picks up what was queued for this action before a reboot, with the attempts it already had.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var (stored, request) in await QueuedMessages.LoadAsync(_store, _action, _typeInfo, cancellationToken).ConfigureAwait(false))
        {
            _pending.AddLast(new Pending(stored, request));
        }
    }

    /// <summary>Stores <paramref name="request"/> durably, then sends it when its turn comes. Storage failures
    /// reach the caller: a message that cannot be kept is an error, not a log line.</summary>
    public async ValueTask EnqueueAsync(TRequest request, DateTimeOffset queuedAt, CancellationToken cancellationToken)
    {
        var payload = OcppPayloadCodec.WriteToArray(request, _typeInfo);
        var stored = await _store.EnqueueAsync(_action.Name, payload, queuedAt, cancellationToken).ConfigureAwait(false);
        _pending.AddLast(new Pending(stored, request));
        Pump();
    }

    /// <summary>Sends the oldest message if the link may send and none is outstanding or waiting to be retried.</summary>
    public void Pump()
    {
        if (_inFlight || _retry is { IsRunning: true } || !_link.CanSend || _pending.First is not { } head)
        {
            return;
        }

        _inFlight = true;
        _link.Send(
            head.Value.Request,
            (response, ct) => OnAnsweredAsync(head, response, ct),
            (failure, ct) => OnFailedAsync(head, failure, ct));
        Sent?.Invoke(head.Value.Request);
    }

    public void Dispose() => _retry?.Dispose();

    private async ValueTask OnAnsweredAsync(LinkedListNode<Pending> head, TResponse response, CancellationToken cancellationToken)
    {
        _inFlight = false;
        await RemoveAsync(head, cancellationToken).ConfigureAwait(false);
        if (Answered is { } answered)
        {
            await answered(head.Value.Request, response, cancellationToken).ConfigureAwait(false);
        }

        AfterRemoved();
    }

    private async ValueTask OnFailedAsync(LinkedListNode<Pending> head, Exception failure, CancellationToken cancellationToken)
    {
        _inFlight = false;
        if (failure is OcppConnectionClosedException || !_link.IsOnline)
        {
            // Not an attempt: the message waits for the next connection (E04).
            return;
        }

        var attempts = head.Value.Stored.Attempts + 1;
        if (attempts >= _policy.MaxAttempts())
        {
            Dropped?.Invoke(head.Value.Request, attempts, failure);
            await RemoveAsync(head, cancellationToken).ConfigureAwait(false);
            AfterRemoved();
            return;
        }

        await _store.SetAttemptsAsync(head.Value.Stored.Id, attempts, cancellationToken).ConfigureAwait(false);
        head.Value = head.Value with { Stored = head.Value.Stored with { Attempts = attempts } };
        if (_policy.WaitBeforeRetry is not { } waitBeforeRetry || _retry is null)
        {
            Retrying?.Invoke(head.Value.Request, attempts, TimeSpan.Zero, failure);
            Pump();
            return;
        }

        var wait = waitBeforeRetry(attempts);
        Retrying?.Invoke(head.Value.Request, attempts, wait, failure);
        _retry.Start(wait, Timeout.InfiniteTimeSpan);
    }

    private async ValueTask RemoveAsync(LinkedListNode<Pending> head, CancellationToken cancellationToken)
    {
        await _store.RemoveAsync(head.Value.Stored.Id, cancellationToken).ConfigureAwait(false);
        _pending.Remove(head);
    }

    // A message left the queue (answered or dropped): tell who waits for an empty queue, send the next one.
    private void AfterRemoved()
    {
        if (_pending.Count == 0)
        {
            Drained?.Invoke();
        }

        Pump();
    }

    private sealed record Pending(QueuedMessage Stored, TRequest Request);
}
