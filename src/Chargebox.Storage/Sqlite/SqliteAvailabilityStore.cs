using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

internal sealed class SqliteAvailabilityStore : IAvailabilityStore
{
    // Stands for a null EVSE or connector id; see the availability table in SchemaMigrations.
    private const long None = -1;

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;

    public SqliteAvailabilityStore(SqliteDatabase database)
    {
        _database = database;
        _load = database.CreateCommand("SELECT evse_id, connector_id, operative FROM availability;");
        _save = database.CreateCommand(
            """
            INSERT INTO availability (evse_id, connector_id, operative) VALUES ($evse, $connector, $operative)
            ON CONFLICT (evse_id, connector_id) DO UPDATE SET operative = excluded.operative;
            """,
            "$evse", "$connector", "$operative");
    }

    public ValueTask<IReadOnlyDictionary<AvailabilityScope, bool>> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SaveAsync(AvailabilityScope scope, bool operative, CancellationToken cancellationToken)
    {
        AvailabilityScopeRules.Validate(scope);
        await _database.RunAsync((this, scope, operative), static s =>
        {
            var save = s.Item1._save;
            save.Parameters[0].Value = s.scope.EvseId ?? None;
            save.Parameters[1].Value = s.scope.ConnectorId ?? None;
            save.Parameters[2].Value = s.operative;
            return save.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyDictionary<AvailabilityScope, bool> Load()
    {
        var settings = new Dictionary<AvailabilityScope, bool>();
        using var reader = _load.ExecuteReader();
        while (reader.Read())
        {
            var evse = reader.GetInt64(0);
            var connector = reader.GetInt64(1);
            var scope = new AvailabilityScope(evse == None ? null : checked((int)evse), connector == None ? null : checked((int)connector));
            settings.Add(scope, reader.GetBoolean(2));
        }

        return settings;
    }
}
