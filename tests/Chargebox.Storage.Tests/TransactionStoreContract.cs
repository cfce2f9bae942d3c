using Chargebox.Station.Storage;

namespace Chargebox.Storage.Tests;

public sealed class SqliteTransactionStoreTests : TransactionStoreContract<SqliteStoreFactory>;

public sealed class InMemoryTransactionStoreTests : TransactionStoreContract<InMemoryStoreFactory>;

public abstract class TransactionStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task A_new_store_has_no_running_transaction() =>
        Assert.Empty(await Store.Transactions.LoadAsync(None));

    [Fact]
    public async Task Saved_transactions_load_exactly_and_saving_again_replaces()
    {
        var first = new StoredTransaction("tx-1", 1, 1, 0, Start);
        var second = new StoredTransaction("tx-2", 2, 1, 5, Start.AddMinutes(1));
        await Store.Transactions.SaveAsync(first, None);
        await Store.Transactions.SaveAsync(second, None);
        await Store.Transactions.SaveAsync(first with { NextSeqNo = 3 }, None);

        var loaded = (await Store.Transactions.LoadAsync(None)).OrderBy(t => t.TransactionId).ToList();
        Assert.Equal([first with { NextSeqNo = 3 }, second], loaded);
    }

    [Fact]
    public async Task Removed_transactions_are_gone_and_unknown_ids_are_ignored()
    {
        await Store.Transactions.SaveAsync(new StoredTransaction("tx-1", 1, 1, 2, Start), None);
        await Store.Transactions.RemoveAsync("tx-1", None);
        await Store.Transactions.RemoveAsync("never-saved", None);
        Assert.Empty(await Store.Transactions.LoadAsync(None));
    }
}
