using Chargebox.Station.Runtime;
using Chargebox.Transport;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The network between station and test CSMS: real WebSocket connections, except that a test can
/// make the CSMS "not accept" connection attempts (the OCTT's wording), and every attempt is recorded with
/// the station's fake time so back-off timing can be checked.</summary>
internal sealed class CsmsNetwork : ICsmsConnector
{
    private readonly WebSocketCsmsConnector _inner = new();
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _attempts = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private volatile bool _refusing;

    public CsmsNetwork(TimeProvider time) => _time = time;

    /// <summary>While true, every connection attempt fails as if the CSMS did not answer.</summary>
    public bool Refusing
    {
        get => _refusing;
        set => _refusing = value;
    }

    /// <summary>When the station tried to connect (station fake time), oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> attempts have been made in total.</summary>
    public Task WhenAttempts(int count)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_attempts.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, reached));
        }

        return reached.Task;
    }

    public async Task<IOcppChannel> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken)
    {
        var refusing = _refusing;
        List<TaskCompletionSource> reached;
        lock (_gate)
        {
            _attempts.Add(_time.GetUtcNow());
            reached = _waiters.Where(w => w.Count <= _attempts.Count).Select(w => w.Reached).ToList();
            _waiters.RemoveAll(w => w.Count <= _attempts.Count);
        }

        if (refusing)
        {
            reached.ForEach(r => r.TrySetResult());
            throw new OcppConnectException(OcppConnectFailure.Unreachable, $"The test CSMS at {options.CsmsUrl} does not accept connections now.");
        }

        try
        {
            return await _inner.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            reached.ForEach(r => r.TrySetResult());
        }
    }
}
