using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Runtime;

/// <summary>The one queue through which everything that happens to a station passes: CSMS calls, answers to
/// the station's own calls, hardware events, timers, connection changes. One loop drains it, so behaviour
/// runs one piece at a time and needs no locks.</summary>
internal sealed partial class StationInbox
{
    private readonly Channel<Func<CancellationToken, ValueTask>> _work =
        Channel.CreateUnbounded<Func<CancellationToken, ValueTask>>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ILogger _logger;
    private readonly string _stationId;

    public StationInbox(string stationId, ILogger logger)
    {
        _stationId = stationId;
        _logger = logger;
    }

    /// <summary>Queues work for the loop. False once the station has stopped.</summary>
    public bool Post(Func<CancellationToken, ValueTask> work) => _work.Writer.TryWrite(work);

    /// <summary>Queues synchronous work for the loop.</summary>
    public bool Post(Action work) => Post(_ =>
    {
        work();
        return ValueTask.CompletedTask;
    });

    /// <summary>Runs <paramref name="work"/> on the loop and hands its result back to the caller's thread.</summary>
    public Task<T> InvokeAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = cancellationToken.Register(() => completion.TrySetCanceled(cancellationToken));
        var posted = Post(async loopToken =>
        {
            try
            {
                completion.TrySetResult(await work(loopToken).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                completion.TrySetException(ex);
            }
            finally
            {
                await registration.DisposeAsync().ConfigureAwait(false);
            }
        });
        if (!posted)
        {
            registration.Dispose();
            completion.TrySetException(new ObjectDisposedException("station", "The station has stopped."));
        }

        return completion.Task;
    }

    /// <summary>Drains the queue until <paramref name="cancellationToken"/> is cancelled or <see cref="Complete"/> is called.
    /// A failing piece of work is logged and does not stop the station.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _work.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var work))
            {
                try
                {
                    await work(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    LogWorkFailed(_logger, _stationId, ex);
                }
            }
        }
    }

    /// <summary>No more work is accepted; the loop ends once the queue is empty.</summary>
    public void Complete() => _work.Writer.TryComplete();

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Station {StationId}: an event handler failed")]
    private static partial void LogWorkFailed(ILogger logger, string stationId, Exception exception);
}
