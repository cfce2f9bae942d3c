namespace Chargebox.Station.Runtime;

/// <summary>A restartable one-shot or periodic timer whose callback runs on the station's loop, never on a
/// timer thread: when it fires, it posts to the inbox. Time comes from the station's TimeProvider.</summary>
internal sealed class StationTimer : IDisposable
{
    private readonly StationInbox _inbox;
    private readonly TimeProvider _time;
    private readonly Func<CancellationToken, ValueTask> _onElapsed;
    private ITimer? _timer;
    private bool _periodic;
    private int _generation;

    public StationTimer(StationInbox inbox, TimeProvider time, Func<CancellationToken, ValueTask> onElapsed)
    {
        _inbox = inbox;
        _time = time;
        _onElapsed = onElapsed;
    }

    public bool IsRunning => _timer is not null;

    /// <summary>(Re)starts the timer: first after <paramref name="dueTime"/>, then every <paramref name="period"/>
    /// (<see cref="Timeout.InfiniteTimeSpan"/> for one shot). Must be called on the loop.</summary>
    public void Start(TimeSpan dueTime, TimeSpan period)
    {
        Stop();
        var generation = ++_generation;
        _periodic = period != Timeout.InfiniteTimeSpan;
        _timer = _time.CreateTimer(_ => _inbox.Post(ct => Fire(generation, ct)), null, dueTime, period);
    }

    /// <summary>Stops the timer; a tick already queued is dropped. Must be called on the loop.</summary>
    public void Stop()
    {
        _generation++;
        _timer?.Dispose();
        _timer = null;
    }

    public void Dispose() => Stop();

    private ValueTask Fire(int generation, CancellationToken cancellationToken)
    {
        // A tick posted before Stop/Start must not act: the generation tells it apart.
        if (generation != _generation)
        {
            return ValueTask.CompletedTask;
        }

        if (!_periodic)
        {
            _timer?.Dispose();
            _timer = null;
        }

        return _onElapsed(cancellationToken);
    }
}
