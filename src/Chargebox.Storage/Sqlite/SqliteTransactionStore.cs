using System.Globalization;
using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

internal sealed class SqliteTransactionStore : ITransactionStore
{
    // Round-trip text, as in the message queue.
    private const string TimeFormat = "O";

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _remove;

    public SqliteTransactionStore(SqliteDatabase database)
    {
        _database = database;
        _load = database.CreateCommand("SELECT transaction_id, evse_id, connector_id, next_seq_no, started_at FROM running_transaction;");
        _save = database.CreateCommand(
            """
            INSERT INTO running_transaction (transaction_id, evse_id, connector_id, next_seq_no, started_at)
            VALUES ($id, $evse, $connector, $seqNo, $startedAt)
            ON CONFLICT (transaction_id) DO UPDATE SET
                evse_id = excluded.evse_id, connector_id = excluded.connector_id,
                next_seq_no = excluded.next_seq_no, started_at = excluded.started_at;
            """,
            "$id", "$evse", "$connector", "$seqNo", "$startedAt");
        _remove = database.CreateCommand("DELETE FROM running_transaction WHERE transaction_id = $id;", "$id");
    }

    public ValueTask<IReadOnlyList<StoredTransaction>> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SaveAsync(StoredTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await _database.RunAsync((this, transaction), static s =>
        {
            var save = s.Item1._save;
            save.Parameters[0].Value = s.transaction.TransactionId;
            save.Parameters[1].Value = s.transaction.EvseId;
            save.Parameters[2].Value = s.transaction.ConnectorId;
            save.Parameters[3].Value = s.transaction.NextSeqNo;
            save.Parameters[4].Value = s.transaction.StartedAt.ToString(TimeFormat, CultureInfo.InvariantCulture);
            return save.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(string transactionId, CancellationToken cancellationToken)
    {
        await _database.RunAsync((this, transactionId), static s =>
        {
            s.Item1._remove.Parameters[0].Value = s.transactionId;
            return s.Item1._remove.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<StoredTransaction> Load()
    {
        var transactions = new List<StoredTransaction>();
        using var reader = _load.ExecuteReader();
        while (reader.Read())
        {
            transactions.Add(new StoredTransaction(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetInt32(2),
                reader.GetInt32(3),
                DateTimeOffset.ParseExact(reader.GetString(4), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None)));
        }

        return transactions;
    }
}
