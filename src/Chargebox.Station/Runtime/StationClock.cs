namespace Chargebox.Station.Runtime;

/// <summary>The station's idea of the time: the injected clock plus an offset learned from the CSMS
/// (BootNotification and Heartbeat responses carry currentTime, B01.FR.xx / G02). Timers and delays run on
/// the underlying clock, so setting the time never shortens or stretches an interval.</summary>
internal sealed class StationClock : TimeProvider
{
    private readonly TimeProvider _inner;
    private TimeSpan _offset;

    public StationClock(TimeProvider inner) => _inner = inner;

    /// <summary>The clock the station was given (fake in tests).</summary>
    public TimeProvider Inner => _inner;

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + _offset;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Sets the station's time to <paramref name="now"/> (the CSMS's currentTime).</summary>
    /// <returns>How far the clock moved.</returns>
    public TimeSpan SetTime(DateTimeOffset now)
    {
        var newOffset = now - _inner.GetUtcNow();
        var moved = newOffset - _offset;
        _offset = newOffset;
        return moved;
    }
}
