using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

internal sealed class SqliteDeviceModelStore : IDeviceModelStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _remove;

    public SqliteDeviceModelStore(SqliteDatabase database)
    {
        _database = database;
        _load = database.CreateCommand("SELECT key, value FROM device_model_value;");
        _save = database.CreateCommand(
            "INSERT INTO device_model_value (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
            "$key", "$value");
        _remove = database.CreateCommand("DELETE FROM device_model_value WHERE key = $key;", "$key");
    }

    public ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SaveAsync(string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        await _database.RunAsync((this, key, value), static s =>
        {
            s.Item1._save.Parameters[0].Value = s.key;
            s.Item1._save.Parameters[1].Value = s.value;
            return s.Item1._save.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _database.RunAsync((this, key), static s =>
        {
            s.Item1._remove.Parameters[0].Value = s.key;
            return s.Item1._remove.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyDictionary<string, string> Load()
    {
        // Ordinal, like SQLite's BINARY collation of the primary key.
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = _load.ExecuteReader();
        while (reader.Read())
        {
            values.Add(reader.GetString(0), reader.GetString(1));
        }

        return values;
    }
}
