using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

internal sealed class SqliteDisplayMessageStore : IDisplayMessageStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _remove;

    public SqliteDisplayMessageStore(SqliteDatabase database)
    {
        _database = database;
        _load = database.CreateCommand("SELECT id, message FROM display_message;");
        _save = database.CreateCommand(
            """
            INSERT INTO display_message (id, message) VALUES ($id, $message)
            ON CONFLICT (id) DO UPDATE SET message = excluded.message;
            """,
            "$id", "$message");
        _remove = database.CreateCommand("DELETE FROM display_message WHERE id = $id;", "$id");
    }

    public ValueTask<IReadOnlyList<MessageInfoType>> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SaveAsync(MessageInfoType message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = JsonSerializer.Serialize(message, OcppJsonContext.Default.MessageInfoType);
        await _database.RunAsync((this, message.Id, json), static s =>
        {
            var save = s.Item1._save;
            save.Parameters[0].Value = s.Id;
            save.Parameters[1].Value = s.json;
            return save.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(int messageId, CancellationToken cancellationToken)
    {
        await _database.RunAsync((this, messageId), static s =>
        {
            s.Item1._remove.Parameters[0].Value = s.messageId;
            return s.Item1._remove.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<MessageInfoType> Load()
    {
        var messages = new List<MessageInfoType>();
        using var reader = _load.ExecuteReader();
        while (reader.Read())
        {
            var id = checked((int)reader.GetInt64(0));
            messages.Add(JsonSerializer.Deserialize(reader.GetString(1), OcppJsonContext.Default.MessageInfoType)
                ?? throw SqliteFailure.Damaged(_database.Path, $"display message {id} is null"));
        }

        return messages;
    }
}
