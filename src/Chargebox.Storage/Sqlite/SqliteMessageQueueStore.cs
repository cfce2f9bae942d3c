using System.Globalization;
using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

internal sealed class SqliteMessageQueueStore : IMessageQueueStore
{
    // Round-trip text keeps the offset and every tick, and stays readable in the sqlite3 shell.
    private const string TimeFormat = "O";

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _enqueue;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _setAttempts;
    private readonly SqliteCommand _remove;

    public SqliteMessageQueueStore(SqliteDatabase database)
    {
        _database = database;
        _enqueue = database.CreateCommand(
            "INSERT INTO message_queue (action, payload, queued_at) VALUES ($action, $payload, $queuedAt) RETURNING id;",
            "$action", "$payload", "$queuedAt");
        _load = database.CreateCommand("SELECT id, action, payload, queued_at, attempts FROM message_queue ORDER BY id;");
        _setAttempts = database.CreateCommand("UPDATE message_queue SET attempts = $attempts WHERE id = $id;", "$attempts", "$id");
        _remove = database.CreateCommand("DELETE FROM message_queue WHERE id = $id;", "$id");
    }

    public ValueTask<QueuedMessage> EnqueueAsync(
        string action, ReadOnlyMemory<byte> payload, DateTimeOffset queuedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        // The caller may reuse its buffer once the task completes; the returned message owns this copy.
        var bytes = payload.ToArray();
        var message = new QueuedMessage(0, action, bytes, queuedAt, Attempts: 0);
        return _database.RunAsync((this, message, bytes), static s =>
        {
            var enqueue = s.Item1._enqueue;
            enqueue.Parameters[0].Value = s.message.Action;
            enqueue.Parameters[1].Value = s.bytes;
            enqueue.Parameters[2].Value = s.message.QueuedAt.ToString(TimeFormat, CultureInfo.InvariantCulture);
            var id = (long)enqueue.ExecuteScalar()!;
            return s.message with { Id = id };
        }, cancellationToken);
    }

    public ValueTask<IReadOnlyList<QueuedMessage>> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SetAttemptsAsync(long id, int attempts, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempts);
        await _database.RunAsync((this, id, attempts), static s =>
        {
            var setAttempts = s.Item1._setAttempts;
            setAttempts.Parameters[0].Value = s.attempts;
            setAttempts.Parameters[1].Value = s.id;
            return setAttempts.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await _database.RunAsync((this, id), static s =>
        {
            s.Item1._remove.Parameters[0].Value = s.id;
            return s.Item1._remove.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<QueuedMessage> Load()
    {
        var messages = new List<QueuedMessage>();
        using var reader = _load.ExecuteReader();
        while (reader.Read())
        {
            messages.Add(new QueuedMessage(
                reader.GetInt64(0),
                reader.GetString(1),
                (byte[])reader.GetValue(2),
                DateTimeOffset.ParseExact(reader.GetString(3), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None),
                reader.GetInt32(4)));
        }

        return messages;
    }
}
