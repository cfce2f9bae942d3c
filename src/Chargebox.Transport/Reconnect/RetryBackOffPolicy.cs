namespace Chargebox.Transport.Reconnect;

/// <summary>Computes how long to wait before each reconnection attempt (Part 4, 5.3): RetryBackOffWaitMinimum
/// the first time, doubled after every failed attempt but at most RetryBackOffRepeatTimes times, each time
/// plus a fresh random value of at most RetryBackOffRandomRange. The randomness spreads out thousands of
/// stations that lost a restarting CSMS at the same moment.</summary>
/// <remarks>Pure apart from the injected <see cref="Random"/>; not thread-safe (one per connection).</remarks>
public sealed class RetryBackOffPolicy
{
    // Keeps a misconfigured RetryBackOffRepeatTimes from overflowing TimeSpan; a day is longer than any sane back-off.
    private static readonly TimeSpan LongestBackOff = TimeSpan.FromDays(1);

    private readonly RetryBackOffSettings _settings;
    private readonly Random _random;

    public RetryBackOffPolicy(RetryBackOffSettings settings, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.RetryBackOffWaitMinimum, TimeSpan.Zero, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.RetryBackOffRandomRange, TimeSpan.Zero, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfNegative(settings.RetryBackOffRepeatTimes, nameof(settings));
        ArgumentNullException.ThrowIfNull(random);
        _settings = settings;
        _random = random;
    }

    /// <summary>Attempts handed out since the last <see cref="Reset"/>.</summary>
    public int Attempts { get; private set; }

    /// <summary>The back-off without randomness for the next attempt.</summary>
    public TimeSpan NextBackOff
    {
        get
        {
            var doublings = Math.Min(Attempts, _settings.RetryBackOffRepeatTimes);
            var ticks = _settings.RetryBackOffWaitMinimum.Ticks * Math.Pow(2, doublings);
            return ticks >= LongestBackOff.Ticks ? LongestBackOff : TimeSpan.FromTicks((long)ticks);
        }
    }

    /// <summary>The wait before the next reconnection attempt; counts that attempt.</summary>
    public TimeSpan NextDelay()
    {
        var backOff = NextBackOff;
        var rangeMilliseconds = (long)_settings.RetryBackOffRandomRange.TotalMilliseconds;
        var random = TimeSpan.FromMilliseconds(_random.NextInt64(0, rangeMilliseconds + 1));
        Attempts++;
        return backOff + random;
    }

    /// <summary>Starts over from RetryBackOffWaitMinimum; called once a connection succeeded.</summary>
    public void Reset() => Attempts = 0;
}
