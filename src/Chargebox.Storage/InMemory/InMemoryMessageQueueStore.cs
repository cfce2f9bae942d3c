using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryMessageQueueStore(InMemoryState state) : IMessageQueueStore
{
    // Kept in id order: ids only grow, so appending keeps the list sorted.
    private readonly List<QueuedMessage> _messages = [];
    private long _lastId;

    public ValueTask<QueuedMessage> EnqueueAsync(
        string action, ReadOnlyMemory<byte> payload, DateTimeOffset queuedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            // Like the SQLite store, ids are never reused, even after the queue was emptied.
            var message = new QueuedMessage(++_lastId, action, payload.ToArray(), queuedAt, Attempts: 0);
            _messages.Add(message);
            return ValueTask.FromResult(message);
        }
    }

    public ValueTask<IReadOnlyList<QueuedMessage>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyList<QueuedMessage>>(_messages.ToArray());
        }
    }

    public ValueTask SetAttemptsAsync(long id, int attempts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempts);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            var index = IndexOf(id);
            if (index >= 0)
            {
                _messages[index] = _messages[index] with { Attempts = attempts };
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(long id, CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            var index = IndexOf(id);
            if (index >= 0)
            {
                _messages.RemoveAt(index);
            }
        }

        return ValueTask.CompletedTask;
    }

    private int IndexOf(long id)
    {
        var low = 0;
        var high = _messages.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var found = _messages[middle].Id;
            if (found == id)
            {
                return middle;
            }

            if (found < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
