using Chargebox.Transport.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chargebox.Transport.Reconnect;

/// <summary>Keeps trying to connect after a connection loss, waiting as <see cref="RetryBackOffPolicy"/> says
/// (Part 4, 5.3), until a connection succeeds or the caller cancels. Waiting uses the injected
/// <see cref="TimeProvider"/> so tests drive it with fake time.</summary>
public sealed partial class ReconnectLoop
{
    private readonly RetryBackOffPolicy _policy;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ReconnectLoop(RetryBackOffPolicy policy, TimeProvider timeProvider, ILogger<ReconnectLoop>? logger = null)
    {
        _policy = policy;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Waits the back-off, calls <paramref name="connect"/>, and repeats on failure. A successful
    /// connection resets the back-off. Configuration errors (<see cref="OcppConnectFailure.InvalidConfiguration"/>)
    /// are not retried: they would fail the same way forever.</summary>
    /// <param name="connect">One connection attempt.</param>
    /// <param name="attemptFailed">Told about every failed attempt (the station raises security events from it).</param>
    /// <param name="cancellationToken">Stops waiting and trying.</param>
    public async Task<T> ReconnectAsync<T>(
        Func<CancellationToken, Task<T>> connect,
        Action<Exception>? attemptFailed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connect);
        while (true)
        {
            var delay = _policy.NextDelay();
            LogWaiting(_logger, _policy.Attempts, delay.TotalSeconds);
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
            try
            {
                var connection = await connect(cancellationToken).ConfigureAwait(false);
                _policy.Reset();
                return connection;
            }
            catch (Exception ex) when (IsRetryable(ex, cancellationToken))
            {
                LogAttemptFailed(_logger, _policy.Attempts, ex.Message);
                attemptFailed?.Invoke(ex);
            }
        }
    }

    private static bool IsRetryable(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is not OcppConnectException { Failure: OcppConnectFailure.InvalidConfiguration };

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Reconnection attempt {Attempt} in {DelaySeconds:0.###} s")]
    private static partial void LogWaiting(ILogger logger, int attempt, double delaySeconds);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Reconnection attempt {Attempt} failed: {Reason}")]
    private static partial void LogAttemptFailed(ILogger logger, int attempt, string reason);
}
