using System.Threading.Channels;
using Chargebox.Transport.Reconnect;
using Chargebox.Transport.WebSockets;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Transport.Tests.Reconnect;

public sealed class ReconnectLoopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _time = new();
    private readonly Channel<TimeSpan> _attemptTimes = Channel.CreateUnbounded<TimeSpan>();
    private readonly DateTimeOffset _start;

    public ReconnectLoopTests() => _start = _time.GetUtcNow();

    [Fact]
    public async Task Waits_the_back_off_before_each_attempt_and_doubles_it_after_failures()
    {
        // The clock moves only once the loop has armed its wait: on a slow machine the loop may still be
        // handling the last failure when the test would otherwise move on.
        var armed = new TimerWatch(_time);
        var loop = new ReconnectLoop(new RetryBackOffPolicy(RetryBackOffSettings.FromSeconds(10, 0, 5), new Random(1)), armed);
        using var failures = new SemaphoreSlim(0);
        var reconnect = loop.ReconnectAsync(ct => AttemptAsync(succeed: false), _ => failures.Release(), CancellationToken.None);

        await armed.NextAsync(Patience);
        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.False(_attemptTimes.Reader.TryRead(out _), "no attempt before RetryBackOffWaitMinimum");
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(TimeSpan.FromSeconds(10), await NextAttemptAsync());

        await armed.NextAsync(Patience);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(30), await NextAttemptAsync());
        await armed.NextAsync(Patience);
        _time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(TimeSpan.FromSeconds(70), await NextAttemptAsync());
        for (var failure = 0; failure < 3; failure++)
        {
            Assert.True(await failures.WaitAsync(Patience), "every failed attempt is reported");
        }

        Assert.False(reconnect.IsCompleted);
    }

    [Fact]
    public async Task A_successful_attempt_returns_the_connection_and_resets_the_back_off()
    {
        var policy = new RetryBackOffPolicy(RetryBackOffSettings.FromSeconds(5, 0, 3), new Random(1));
        var armed = new TimerWatch(_time);
        var loop = new ReconnectLoop(policy, armed);
        var attempts = 0;
        var reconnect = loop.ReconnectAsync(async ct => { attempts++; await AttemptAsync(succeed: attempts == 2); return "connected"; }, null, CancellationToken.None);

        await armed.NextAsync(Patience);
        _time.Advance(TimeSpan.FromSeconds(5));
        await NextAttemptAsync();
        await armed.NextAsync(Patience);
        _time.Advance(TimeSpan.FromSeconds(10));
        await NextAttemptAsync();

        Assert.Equal("connected", await reconnect.WaitAsync(Patience));
        Assert.Equal(0, policy.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(5), policy.NextBackOff);
    }

    [Fact]
    public async Task Configuration_errors_are_not_retried()
    {
        var loop = new ReconnectLoop(new RetryBackOffPolicy(RetryBackOffSettings.FromSeconds(1, 0, 0), new Random(1)), _time);
        var reconnect = loop.ReconnectAsync<int>(
            _ => throw new OcppConnectException(OcppConnectFailure.InvalidConfiguration, "bad URL"), null, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<OcppConnectException>(() => reconnect.WaitAsync(Patience));
        Assert.Equal(OcppConnectFailure.InvalidConfiguration, error.Failure);
    }

    [Fact]
    public async Task Cancellation_stops_the_waiting()
    {
        using var stop = new CancellationTokenSource();
        var loop = new ReconnectLoop(new RetryBackOffPolicy(RetryBackOffSettings.FromSeconds(60, 0, 0), new Random(1)), _time);
        var reconnect = loop.ReconnectAsync(_ => AttemptAsync(succeed: true), null, stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reconnect.WaitAsync(Patience));
        Assert.False(_attemptTimes.Reader.TryRead(out _));
    }

    private Task<string> AttemptAsync(bool succeed)
    {
        _attemptTimes.Writer.TryWrite(_time.GetUtcNow() - _start);
        return succeed ? Task.FromResult("connected") : Task.FromException<string>(new OcppConnectException(OcppConnectFailure.Unreachable, "refused"));
    }

    private async Task<TimeSpan> NextAttemptAsync() =>
        await _attemptTimes.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    /// <summary>The fake clock, telling the test each time the code under test arms a timer.</summary>
    private sealed class TimerWatch(FakeTimeProvider fake) : TimeProvider
    {
        private readonly SemaphoreSlim _armed = new(0);

        public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

        public override long GetTimestamp() => fake.GetTimestamp();

        public override long TimestampFrequency => fake.TimestampFrequency;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = fake.CreateTimer(callback, state, dueTime, period);
            _armed.Release();
            return timer;
        }

        public async Task NextAsync(TimeSpan patience) =>
            Assert.True(await _armed.WaitAsync(patience), "the loop armed no timer");
    }
}
