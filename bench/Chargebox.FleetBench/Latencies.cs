using System.Diagnostics;
using System.Globalization;

namespace Chargebox.FleetBench;

/// <summary>Round-trip times of one kind of request, in Stopwatch ticks, summarised as percentiles; added to
/// from many measurements at once.</summary>
internal sealed class Latencies(string name, int capacity)
{
    private readonly List<long> _ticks = new(capacity);
    private readonly Lock _lock = new();

    public string Name { get; } = name;

    public void Add(long stopwatchTicks)
    {
        lock (_lock)
        {
            _ticks.Add(stopwatchTicks);
        }
    }

    public string Summary()
    {
        var sorted = _ticks.Order().ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name,-42} n={sorted.Length,6}  p50 {Ms(sorted, 0.50),8:F3} ms  p99 {Ms(sorted, 0.99),8:F3} ms  p99.9 {Ms(sorted, 0.999),8:F3} ms  max {ToMs(sorted[^1]),8:F3} ms");
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Ms(long[] sorted, double percentile) =>
        ToMs(sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Length) - 1, 0, sorted.Length - 1)]);

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
