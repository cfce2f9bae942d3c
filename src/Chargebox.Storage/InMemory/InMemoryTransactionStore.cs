using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryTransactionStore(InMemoryState state) : ITransactionStore
{
    private readonly Dictionary<string, StoredTransaction> _transactions = new(StringComparer.Ordinal);

    public ValueTask<IReadOnlyList<StoredTransaction>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyList<StoredTransaction>>([.. _transactions.Values]);
        }
    }

    public ValueTask SaveAsync(StoredTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _transactions[transaction.TransactionId] = transaction;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string transactionId, CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _transactions.Remove(transactionId);
        }

        return ValueTask.CompletedTask;
    }
}
