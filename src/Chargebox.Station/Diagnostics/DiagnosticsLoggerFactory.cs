using Chargebox.Transport.Rpc;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Diagnostics;

/// <summary>The station's logger factory: every logger writes both where the integrator's factory sends it and
/// into the station's <see cref="DiagnosticsLog"/> (Debug and above, so the RPC frame log is in it), its secrets
/// masked (<see cref="FrameRedactor"/>).</summary>
internal sealed class DiagnosticsLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;

    public DiagnosticsLoggerFactory(ILoggerFactory inner, DiagnosticsLog log)
    {
        _inner = inner;
        Log = log;
    }

    public DiagnosticsLog Log { get; }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(_inner.CreateLogger(categoryName), Log, categoryName);

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    // The integrator's factory is theirs to dispose.
    public void Dispose()
    {
    }

    private sealed class CapturingLogger(ILogger inner, DiagnosticsLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => Captures(logLevel) || inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }

            if (Captures(logLevel))
            {
                var message = formatter(state, exception);
                message = exception is null ? message : $"{message} ({exception.GetType().Name}: {exception.Message})";

                // The log leaves the station (GetLog, N01): no line may carry a password, URL credentials or a
                // private key, whichever logger wrote it (frames are masked already; exception texts are not).
                log.Add(logLevel, category, FrameRedactor.Redact(message));
            }
        }

        // With the diagnostics log off, a Debug line (every frame) costs nothing unless the integrator wants it.
        private bool Captures(LogLevel logLevel) => log.Enabled && logLevel >= LogLevel.Debug && logLevel != LogLevel.None;
    }
}
