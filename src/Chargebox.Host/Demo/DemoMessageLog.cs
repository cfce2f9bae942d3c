namespace Chargebox.Host.Demo;

/// <summary>Every CALL the demo CSMS received, in order, and a way to wait for one.</summary>
internal sealed class DemoMessageLog
{
    private readonly Lock _gate = new();
    private readonly List<DemoMessage> _messages = [];
    private TaskCompletionSource _added = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised for each message as it arrives, on the connection's thread.</summary>
    public event Action<DemoMessage>? Received;

    public IReadOnlyList<DemoMessage> Snapshot()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    public void Add(DemoMessage message)
    {
        TaskCompletionSource added;
        lock (_gate)
        {
            _messages.Add(message);
            added = _added;
            _added = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        Received?.Invoke(message);
        added.TrySetResult();
    }

    /// <summary>The first message from position <paramref name="from"/> on that matches, or null when none
    /// arrives within <paramref name="timeout"/>.</summary>
    public async Task<DemoMessage?> WaitForAsync(int from, Func<DemoMessage, bool> match, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var next = from;
        while (true)
        {
            Task added;
            lock (_gate)
            {
                for (; next < _messages.Count; next++)
                {
                    if (match(_messages[next]))
                    {
                        return _messages[next];
                    }
                }

                added = _added.Task;
            }

            try
            {
                await added.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }
}
