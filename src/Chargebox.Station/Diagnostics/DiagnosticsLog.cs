using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Diagnostics;

/// <summary>One line of the station's diagnostics log.</summary>
internal sealed record DiagnosticsLogEntry(DateTimeOffset Timestamp, LogLevel Level, string Category, string Message);

/// <summary>The station's own log lines (its events and, at Debug, every OCPP frame), kept in memory for GetLog
/// DiagnosticsLog (N01): the newest lines up to a budget of characters, so that a fleet of thousands of stations
/// stays small. Written from any thread (the transport logs from its own), so it takes a lock: a logging sink,
/// not behaviour. A budget of 0 turns it off: nothing is formatted or kept.</summary>
internal sealed class DiagnosticsLog
{
    /// <summary>About 64 KB of text per station.</summary>
    public const int DefaultBudget = 32 * 1024;

    private readonly Queue<DiagnosticsLogEntry> _entries = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly int _budget;
    private int _size;

    public DiagnosticsLog(TimeProvider clock, int budget = DefaultBudget)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budget);
        _clock = clock;
        _budget = budget;
    }

    /// <summary>Whether lines are kept at all; when not, loggers skip formatting them.</summary>
    public bool Enabled => _budget > 0;

    public void Add(LogLevel level, string category, string message)
    {
        if (!Enabled)
        {
            return;
        }

        var entry = new DiagnosticsLogEntry(_clock.GetUtcNow(), level, category, message);
        lock (_gate)
        {
            _entries.Enqueue(entry);
            _size += message.Length;
            while (_size > _budget && _entries.Count > 1)
            {
                _size -= _entries.Dequeue().Message.Length;
            }
        }
    }

    /// <summary>The lines between <paramref name="oldest"/> and <paramref name="latest"/> (both inclusive, either
    /// may be null), oldest first.</summary>
    public IReadOnlyList<DiagnosticsLogEntry> Read(DateTimeOffset? oldest, DateTimeOffset? latest)
    {
        lock (_gate)
        {
            return [.. _entries.Where(e => (oldest is null || e.Timestamp >= oldest) && (latest is null || e.Timestamp <= latest))];
        }
    }
}
