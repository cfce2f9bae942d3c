namespace Chargebox.Storage.InMemory;

/// <summary>What the in-memory stores of one station share: the lock that makes them safe for concurrent
/// use, and whether the station store was disposed.</summary>
internal sealed class InMemoryState
{
    public Lock Gate { get; } = new();

    public bool Disposed { get; set; }

    /// <summary>Call with <see cref="Gate"/> held.</summary>
    public void ThrowIfDisposed(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(Disposed, typeof(InMemoryStationStore));
    }
}
