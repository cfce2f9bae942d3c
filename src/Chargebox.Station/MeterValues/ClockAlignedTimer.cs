using Chargebox.Station.Runtime;

namespace Chargebox.Station.MeterValues;

/// <summary>Fires on the station's loop at every multiple of an interval counted from midnight (UTC) on the
/// station's clock (J01.FR.xx: an interval of 900 s gives readings at :00, :15, :30 and :45), and passes the
/// boundary it was armed for, even when the tick runs late or the CSMS set the clock meanwhile. Each tick arms
/// the next one from the clock, so a clock set by the CSMS or a changed interval takes effect at the next
/// boundary. An interval of zero stops it.</summary>
internal sealed class ClockAlignedTimer : IDisposable
{
    private readonly StationServices _services;
    private readonly Func<TimeSpan> _interval;
    private readonly Func<DateTimeOffset, CancellationToken, ValueTask> _onBoundary;
    private readonly StationTimer _timer;
    private DateTimeOffset _boundary;

    public ClockAlignedTimer(StationServices services, Func<TimeSpan> interval, Func<DateTimeOffset, CancellationToken, ValueTask> onBoundary)
    {
        _services = services;
        _interval = interval;
        _onBoundary = onBoundary;
        _timer = new StationTimer(services.Inbox, services.Clock.Inner, OnElapsedAsync);
    }

    /// <summary>Arms the timer for the next boundary, or stops it when the interval is zero. On the loop.</summary>
    public void Rearm()
    {
        var interval = _interval();
        if (interval <= TimeSpan.Zero)
        {
            _timer.Stop();
            return;
        }

        var now = _services.Clock.GetUtcNow();
        _boundary = Next(now, interval);
        _timer.Start(_boundary - now, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => _timer.Dispose();

    /// <summary>The first boundary strictly after <paramref name="now"/>.</summary>
    internal static DateTimeOffset Next(DateTimeOffset now, TimeSpan interval) => Last(now, interval) + interval;

    /// <summary>The boundary at or before <paramref name="now"/>.</summary>
    internal static DateTimeOffset Last(DateTimeOffset now, TimeSpan interval)
    {
        var utc = now.ToUniversalTime();
        var midnight = new DateTimeOffset(utc.Date, TimeSpan.Zero);
        var sinceMidnight = utc - midnight;
        return midnight + TimeSpan.FromTicks(sinceMidnight.Ticks - (sinceMidnight.Ticks % interval.Ticks));
    }

    private async ValueTask OnElapsedAsync(CancellationToken cancellationToken)
    {
        var interval = _interval();
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var boundary = _boundary;
        Rearm();
        if (_boundary <= boundary)
        {
            // The clock was set back after the timer was armed: the next boundary is after this one.
            var now = _services.Clock.GetUtcNow();
            _boundary = Next(boundary, interval);
            _timer.Start(_boundary - now, Timeout.InfiniteTimeSpan);
        }

        await _onBoundary(boundary, cancellationToken).ConfigureAwait(false);
    }
}
