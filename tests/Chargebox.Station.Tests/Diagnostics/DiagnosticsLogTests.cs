using Chargebox.Protocol.Messages;
using Chargebox.Station.Diagnostics;
using Chargebox.Station.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Diagnostics;

/// <summary>The diagnostics log that GetLog DiagnosticsLog uploads (N01): what it captures, how it is bounded,
/// how timestamps select entries, and the file it becomes.</summary>
public sealed class DiagnosticsLogTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Loggers_of_the_station_write_into_the_log_from_debug_up_even_when_the_host_logs_nothing()
    {
        var log = new DiagnosticsLog(new FakeTimeProvider(Start));
        using var factory = new DiagnosticsLoggerFactory(NullLoggerFactory.Instance, log);
        var logger = factory.CreateLogger("Chargebox.Transport.Rpc");

        logger.LogTrace("too fine");
        logger.LogDebug("frame {Frame}", "[2,\"1\",\"Heartbeat\",{}]");
        logger.LogWarning(new IOException("socket gone"), "lost");

        Assert.True(logger.IsEnabled(LogLevel.Debug));
        Assert.Collection(
            log.Read(null, null),
            e => Assert.Equal((LogLevel.Debug, "Chargebox.Transport.Rpc", "frame [2,\"1\",\"Heartbeat\",{}]"), (e.Level, e.Category, e.Message)),
            e => Assert.Equal("lost (IOException: socket gone)", e.Message));
    }

    [Fact]
    public void Oldest_and_latest_timestamps_are_inclusive()
    {
        var time = new FakeTimeProvider(Start);
        var log = new DiagnosticsLog(time);
        foreach (var line in new[] { "a", "b", "c" })
        {
            log.Add(LogLevel.Information, "test", line);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["b", "c"], log.Read(Start.AddMinutes(1), null).Select(e => e.Message));
        Assert.Equal(["a", "b"], log.Read(null, Start.AddMinutes(1)).Select(e => e.Message));
        Assert.Equal(["b"], log.Read(Start.AddMinutes(1), Start.AddMinutes(1)).Select(e => e.Message));
    }

    [Fact]
    public void Oldest_lines_go_when_the_budget_is_spent()
    {
        var log = new DiagnosticsLog(new FakeTimeProvider(Start), budget: 10);

        log.Add(LogLevel.Information, "test", "12345");
        log.Add(LogLevel.Information, "test", "67890");
        log.Add(LogLevel.Information, "test", "abc");

        Assert.Equal(["67890", "abc"], log.Read(null, null).Select(e => e.Message));
    }

    [Fact]
    public void A_capacity_of_zero_keeps_nothing_and_formats_nothing()
    {
        var log = new DiagnosticsLog(new FakeTimeProvider(Start), budget: 0);
        using var factory = new DiagnosticsLoggerFactory(NullLoggerFactory.Instance, log);
        var logger = factory.CreateLogger("Chargebox.Transport.Rpc");
        var formatted = 0;

        logger.Log(LogLevel.Warning, default, "state", null, (_, _) => $"line {++formatted}");

        Assert.False(log.Enabled);
        Assert.False(logger.IsEnabled(LogLevel.Debug));
        Assert.Equal(0, formatted);
        Assert.Empty(log.Read(null, null));
    }

    [Fact]
    public void A_capacity_of_zero_still_passes_lines_to_the_integrators_loggers()
    {
        var log = new DiagnosticsLog(new FakeTimeProvider(Start), budget: 0);
        using var inner = new CountingLoggerFactory();
        using var factory = new DiagnosticsLoggerFactory(inner, log);

        factory.CreateLogger("test").LogWarning("kept by the integrator");

        Assert.Equal(1, inner.Lines);
        Assert.Empty(log.Read(null, null));
    }

    [Fact]
    public void A_negative_capacity_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DiagnosticsLog(new FakeTimeProvider(Start), budget: -1));

    [Fact]
    public void File_name_carries_identity_log_type_and_time_and_is_safe_on_any_server()
    {
        Assert.Equal("CS_01-DiagnosticsLog-20250301T080000Z.log", LogFile.Name("CS/01", LogEnumType.DiagnosticsLog, Start));
        Assert.Equal("CS-01-SecurityLog-20250301T080000Z.log", LogFile.Name("CS-01", LogEnumType.SecurityLog, Start));
    }

    [Fact]
    public void Each_entry_is_one_line_with_its_utc_timestamp()
    {
        var text = LogFile.Diagnostics("# header", [new DiagnosticsLogEntry(Start, LogLevel.Warning, "cat", "two\nlines")]);
        var security = LogFile.Security("# header", [new SecurityLogEntry(Start.AddSeconds(1), SecurityEventType.StartupOfTheDevice, null)]);

        Assert.Equal("# header\n2025-03-01T08:00:00.000Z WARNING cat: two\\nlines\n", text);
        Assert.Equal("# header\n2025-03-01T08:00:01.000Z StartupOfTheDevice\n", security);
    }

    private sealed class CountingLoggerFactory : ILoggerFactory, ILogger
    {
        public int Lines { get; private set; }

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines++;
    }
}
