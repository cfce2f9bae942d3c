using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemorySecurityLogStore(InMemoryState state) : ISecurityLogStore
{
    private readonly Queue<SecurityLogRecord> _records = new();

    public ValueTask AppendAsync(SecurityLogRecord record, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _records.Enqueue(record);
            while (_records.Count > capacity)
            {
                _records.Dequeue();
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<SecurityLogRecord>> ReadAsync(DateTimeOffset? oldest, DateTimeOffset? latest, CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyList<SecurityLogRecord>>(
                [.. _records.Where(r => (oldest is null || r.Timestamp >= oldest) && (latest is null || r.Timestamp <= latest))]);
        }
    }
}
