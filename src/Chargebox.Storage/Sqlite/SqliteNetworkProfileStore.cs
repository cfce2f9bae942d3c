using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

/// <summary>One row per configuration slot; the profile is kept as its OCPP JSON, so a field the schema adds
/// later (or customData) needs no schema step.</summary>
internal sealed class SqliteNetworkProfileStore : INetworkProfileStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;

    public SqliteNetworkProfileStore(SqliteDatabase database)
    {
        _database = database;
        _load = database.CreateCommand("SELECT configuration_slot, connection_data FROM network_profile;");
        _save = database.CreateCommand(
            """
            INSERT INTO network_profile (configuration_slot, connection_data) VALUES ($slot, $data)
            ON CONFLICT (configuration_slot) DO UPDATE SET connection_data = excluded.connection_data;
            """,
            "$slot", "$data");
    }

    public ValueTask<IReadOnlyDictionary<int, NetworkConnectionProfileType>> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SaveAsync(int configurationSlot, NetworkConnectionProfileType profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var json = JsonSerializer.Serialize(profile, OcppJsonContext.Default.NetworkConnectionProfileType);
        await _database.RunAsync((this, configurationSlot, json), static s =>
        {
            var save = s.Item1._save;
            save.Parameters[0].Value = s.configurationSlot;
            save.Parameters[1].Value = s.json;
            return save.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyDictionary<int, NetworkConnectionProfileType> Load()
    {
        var profiles = new Dictionary<int, NetworkConnectionProfileType>();
        using var reader = _load.ExecuteReader();
        while (reader.Read())
        {
            var slot = checked((int)reader.GetInt64(0));
            var json = reader.GetString(1);
            var profile = JsonSerializer.Deserialize(json, OcppJsonContext.Default.NetworkConnectionProfileType)
                ?? throw SqliteFailure.Damaged(_database.Path, $"network profile in slot {slot} is null");
            profiles.Add(slot, profile);
        }

        return profiles;
    }
}
