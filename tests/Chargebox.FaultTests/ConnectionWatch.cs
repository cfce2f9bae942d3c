using Chargebox.Testing.Csms;

namespace Chargebox.FaultTests;

/// <summary>Follows the station's connections to the test CSMS, so the test can drop the live one (the CSMS
/// side aborts the socket) and wait for the next.</summary>
internal sealed class ConnectionWatch : IAsyncDisposable
{
    private readonly TestCsms _csms;
    private readonly string _identity;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _watching;
    private readonly Lock _gate = new();
    private TestStationConnection? _latest;
    private int _count;

    public ConnectionWatch(TestCsms csms, string identity)
    {
        _csms = csms;
        _identity = identity;
        _watching = Task.Run(WatchAsync);
    }

    /// <summary>How many connections the station opened so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public TestStationConnection? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>Waits until the station opened more than <paramref name="seen"/> connections.</summary>
    public async Task<TestStationConnection> WaitBeyondAsync(int seen, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count <= seen)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The station did not reconnect within {timeout.TotalSeconds} s (connections so far: {Count}).");
            }

            // Polling the watch costs nothing on the station's side; this is a test's wall-clock wait for a
            // real child process, which no fake clock can speed up.
            await Task.Delay(20);
        }

        return Latest!;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _watching.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task WatchAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TestStationConnection connection;
            try
            {
                connection = await _csms.WaitForConnectionAsync(_identity, TimeSpan.FromHours(1), _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            lock (_gate)
            {
                _latest = connection;
                _count++;
            }
        }
    }
}
