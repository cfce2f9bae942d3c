using Chargebox.Protocol;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Chargebox.Storage;
using Chargebox.Transport;
using Chargebox.Transport.Rpc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Runtime;

/// <summary>The persistent outbox behind TransactionEvent (E13, TC_E_41_CS) and SecurityEventNotification
/// (A04.FR.02) delivery: stored before sending, one outstanding at a time in order, removed only when answered
/// or dropped, failed attempts counted in the store, connection loss not an attempt.</summary>
public sealed class PersistentOutboxTests : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStationStore _store = new();
    private readonly StationInbox _inbox = new("CS-OUT", NullLogger.Instance);
    private readonly CancellationTokenSource _stop = new();
    private readonly FakeOutboxLink _link;
    private readonly Task _running;
    private readonly List<PersistentOutbox<SecurityEventNotificationRequest, SecurityEventNotificationResponse>> _outboxes = [];
    private int _maxAttempts = 3;

    public PersistentOutboxTests()
    {
        _link = new FakeOutboxLink(_inbox, _time);
        _running = _inbox.RunAsync(_stop.Token);
    }

    [Fact]
    public async Task Messages_are_stored_before_sending_and_sent_one_at_a_time_in_the_order_queued()
    {
        var outbox = Create(withWait: true);
        var drained = 0;
        outbox.Drained += () => drained++;

        await EnqueueAsync(outbox, "First", "Second", "Third");

        Assert.Equal(["First", "Second", "Third"], await StoredTypesAsync());
        Assert.Equal(["First"], SentTypes());

        Answer(0);
        await SettledAsync();
        Assert.Equal(["First", "Second"], SentTypes());
        Assert.Equal(["Second", "Third"], await StoredTypesAsync());
        Assert.Equal(0, drained);

        Answer(1);
        await SettledAsync();
        Answer(2);
        await SettledAsync();

        Assert.Equal(["First", "Second", "Third"], SentTypes());
        Assert.Empty(await StoredTypesAsync());
        Assert.Equal(0, outbox.Count);
        Assert.Equal(1, drained);
    }

    [Fact]
    public async Task Nothing_is_sent_before_the_link_may_send_then_everything_goes_in_order()
    {
        _link.CanSend = false;
        var outbox = Create(withWait: true);
        await EnqueueAsync(outbox, "First", "Second");
        Assert.Empty(_link.Calls);

        _link.CanSend = true;
        await OnLoopAsync(outbox.Pump);
        await OnLoopAsync(outbox.Pump);

        Assert.Equal(["First"], SentTypes());
    }

    [Fact]
    public async Task Answered_runs_after_the_message_left_the_queue_and_Sent_right_after_each_send()
    {
        var outbox = Create(withWait: true);
        var seen = new List<string>();
        outbox.Sent += r => seen.Add($"sent {r.Type} ({_link.Calls.Count} calls)");
        outbox.Answered = async (r, _, ct) => seen.Add($"answered {r.Type}, stored {(await _store.MessageQueue.LoadAsync(ct)).Count}");
        outbox.Drained += () => seen.Add("drained");

        await EnqueueAsync(outbox, "First");
        Answer(0);
        await SettledAsync();

        Assert.Equal(["sent First (1 calls)", "answered First, stored 0", "drained"], seen);
    }

    [Fact]
    public async Task TC_E_41_a_CALLERROR_is_retried_after_the_interval_times_the_attempts_then_dropped_at_the_limit()
    {
        var outbox = Create(withWait: true);
        var dropped = new List<(string Type, int Attempts)>();
        var drained = 0;
        outbox.Dropped += (r, attempts, _) => dropped.Add((r.Type, attempts));
        outbox.Drained += () => drained++;
        await EnqueueAsync(outbox, "First", "Second");

        Fail(0, CallError());
        await SettledAsync();
        Assert.Equal(1, (await _store.MessageQueue.LoadAsync(CancellationToken.None))[0].Attempts);
        await AdvanceAsync(Interval - TimeSpan.FromSeconds(1));
        Assert.Single(_link.Calls);
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(["First", "First"], SentTypes());

        // The wait grows with the attempts so far: 2 × 30 s.
        Fail(1, new OcppCallTimeoutException("SecurityEventNotification", "m2", TimeSpan.FromSeconds(30)));
        await SettledAsync();
        await AdvanceAsync(2 * Interval - TimeSpan.FromSeconds(1));
        Assert.Equal(2, _link.Calls.Count);
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(3, _link.Calls.Count);
        Assert.Equal(new[] { Interval, 2 * Interval }, new[] { _link.Calls[1].SentAt - _link.Calls[0].SentAt, _link.Calls[2].SentAt - _link.Calls[1].SentAt });

        // The third failed attempt reaches MaxAttempts 3: dropped, and the next message goes at once.
        Fail(2, CallError());
        await SettledAsync();

        Assert.Equal([("First", 3)], dropped);
        Assert.Equal(["First", "First", "First", "Second"], SentTypes());
        Assert.Equal(["Second"], await StoredTypesAsync());
        Assert.Equal(0, drained);
    }

    [Fact]
    public async Task Without_a_wait_a_failed_message_is_retried_at_once_and_the_last_drop_drains_the_queue()
    {
        var outbox = Create(withWait: false);
        var drained = 0;
        outbox.Drained += () => drained++;
        await EnqueueAsync(outbox, "Only");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(attempt + 1, _link.Calls.Count);
            Fail(attempt, CallError());
            await SettledAsync();
        }

        Assert.Equal(3, _link.Calls.Count);
        Assert.Empty(await StoredTypesAsync());
        Assert.Equal(0, outbox.Count);
        Assert.Equal(1, drained);
    }

    [Fact]
    public async Task The_attempt_limit_is_read_when_a_message_fails()
    {
        _maxAttempts = 10;
        var outbox = Create(withWait: false);
        await EnqueueAsync(outbox, "First", "Second");
        Fail(0, CallError());
        await SettledAsync();

        // The CSMS lowered OCPPCommCtrlr.MessageAttempts* meanwhile.
        _maxAttempts = 2;
        Fail(1, CallError());
        await SettledAsync();

        Assert.Equal(["First", "First", "Second"], SentTypes());
        Assert.Equal(["Second"], await StoredTypesAsync());
    }

    [Fact]
    public async Task E04_losing_the_connection_is_not_an_attempt_and_the_message_goes_again_on_the_next_connection()
    {
        var outbox = Create(withWait: true);
        await EnqueueAsync(outbox, "First", "Second");

        _link.IsOnline = _link.CanSend = false;
        Fail(0, new OcppConnectionClosedException("gone"));
        await SettledAsync();
        await AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(_link.Calls);

        // A timeout noticed while the connection is already down is the connection's fault too.
        _link.IsOnline = _link.CanSend = true;
        await OnLoopAsync(outbox.Pump);
        _link.IsOnline = _link.CanSend = false;
        Fail(1, new OcppCallTimeoutException("SecurityEventNotification", "m2", TimeSpan.FromSeconds(30)));
        await SettledAsync();

        _link.IsOnline = _link.CanSend = true;
        await OnLoopAsync(outbox.Pump);

        Assert.Equal(["First", "First", "First"], SentTypes());
        Assert.All(await _store.MessageQueue.LoadAsync(CancellationToken.None), m => Assert.Equal(0, m.Attempts));
    }

    [Fact]
    public async Task After_a_restart_the_stored_messages_of_the_action_come_back_in_order_with_their_attempts()
    {
        var before = Create(withWait: false);
        _maxAttempts = 2;
        await EnqueueAsync(before, "First", "Second");
        Fail(0, CallError());
        await SettledAsync();
        _link.IsOnline = _link.CanSend = false;
        Fail(1, new OcppConnectionClosedException("power cut"));
        await SettledAsync();
        // Another queue's row in the same table is not this outbox's.
        await _store.MessageQueue.EnqueueAsync(OcppActions.TransactionEvent.Name, "{}"u8.ToArray(), _time.GetUtcNow(), CancellationToken.None);

        var after = Create(withWait: false);
        await after.LoadAsync(CancellationToken.None);
        Assert.Equal(["First", "Second"], after.Waiting.Select(r => r.Type));

        _link.Calls.Clear();
        _link.IsOnline = _link.CanSend = true;
        await OnLoopAsync(after.Pump);
        Fail(0, CallError());
        await SettledAsync();

        // First already had one failed attempt before the restart: its second reaches the limit of 2.
        Assert.Equal(["First", "Second"], SentTypes());
        Assert.Equal(["Second"], after.Waiting.Select(r => r.Type));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _inbox.Complete();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _outboxes.ForEach(o => o.Dispose());
        _stop.Dispose();
        await _store.DisposeAsync();
    }

    private static OcppCallErrorException CallError() =>
        new("SecurityEventNotification", "m1", "InternalError", "CSMS failure", "{}");

    private PersistentOutbox<SecurityEventNotificationRequest, SecurityEventNotificationResponse> Create(bool withWait)
    {
        var policy = new OutboxRetryPolicy(() => _maxAttempts, withWait ? attempts => Interval * attempts : null);
        var outbox = new PersistentOutbox<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(
            _store.MessageQueue,
            _link,
            _inbox,
            _time,
            OcppActions.SecurityEventNotification,
            OcppJsonContext.Default.SecurityEventNotificationRequest,
            policy);
        _outboxes.Add(outbox);
        return outbox;
    }

    private Task EnqueueAsync(PersistentOutbox<SecurityEventNotificationRequest, SecurityEventNotificationResponse> outbox, params string[] types) =>
        _inbox.InvokeAsync(
            async ct =>
            {
                foreach (var type in types)
                {
                    await outbox.EnqueueAsync(new SecurityEventNotificationRequest { Type = type, Timestamp = _time.GetUtcNow() }, _time.GetUtcNow(), ct);
                }

                return true;
            },
            CancellationToken.None);

    private void Answer(int call) => _link.Calls[call].Answer(new SecurityEventNotificationResponse());

    private void Fail(int call, Exception failure) => _link.Calls[call].Fail(failure);

    private List<string> SentTypes() => _link.Calls.Select(c => ((SecurityEventNotificationRequest)c.Request).Type).ToList();

    private async Task<List<string>> StoredTypesAsync()
    {
        var outbox = Create(withWait: false);
        await outbox.LoadAsync(CancellationToken.None);
        return outbox.Waiting.Select(r => r.Type).ToList();
    }

    private Task OnLoopAsync(Action work) =>
        _inbox.InvokeAsync(_ =>
        {
            work();
            return ValueTask.FromResult(true);
        }, CancellationToken.None);

    private async Task AdvanceAsync(TimeSpan by)
    {
        _time.Advance(by);
        await SettledAsync();
    }

    // Work posted before this runs before it: the loop drains in order.
    private Task SettledAsync() => OnLoopAsync(() => { });
}
