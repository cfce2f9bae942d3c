using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The station's fake clock, which also tells a test when the station arms a timer: advancing fake
/// time before the station has armed its timer would not fire it, so a test first waits (wall clock, bounded)
/// for the timer it expects and then moves time.</summary>
internal sealed class ObservedTime : TimeProvider
{
    private readonly FakeTimeProvider _fake;
    private readonly Lock _gate = new();
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Armed)> _waiters = [];

    public ObservedTime(DateTimeOffset start) => _fake = new FakeTimeProvider(start);

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ObservedTimer(this, _fake.CreateTimer(callback, state, dueTime, period));
        OnArmed(dueTime);
        return timer;
    }

    /// <summary>Completes when a timer with exactly <paramref name="dueTime"/> is armed after this call.</summary>
    public Task NextTimer(TimeSpan dueTime)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((dueTime, armed));
        }

        return armed.Task;
    }

    /// <summary>Moves fake time; due timers fire on this thread before it returns.</summary>
    public void Advance(TimeSpan by) => _fake.Advance(by);

    private void OnArmed(TimeSpan dueTime)
    {
        List<TaskCompletionSource> matched;
        lock (_gate)
        {
            matched = _waiters.Where(w => w.DueTime == dueTime).Select(w => w.Armed).ToList();
            _waiters.RemoveAll(w => w.DueTime == dueTime);
        }

        matched.ForEach(m => m.TrySetResult());
    }

    private sealed class ObservedTimer(ObservedTime owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.OnArmed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
