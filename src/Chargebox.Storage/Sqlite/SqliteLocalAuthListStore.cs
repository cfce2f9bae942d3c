using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

/// <summary>One row per list entry (token and IdTokenInfo as their OCPP JSON) and one row for the version.
/// An update runs its statements inside one explicit transaction, so a crash leaves the old list or the new
/// one, never a mix (D01.FR.10).</summary>
internal sealed class SqliteLocalAuthListStore : ILocalAuthListStore
{
    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _loadEntries;
    private readonly SqliteCommand _loadVersion;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _clear;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _remove;
    private readonly SqliteCommand _setVersion;

    public SqliteLocalAuthListStore(SqliteDatabase database)
    {
        _database = database;
        _loadEntries = database.CreateCommand("SELECT token, info FROM local_auth_list;");
        _loadVersion = database.CreateCommand("SELECT version_number FROM local_auth_list_version WHERE slot = 1;");
        _begin = database.CreateCommand("BEGIN IMMEDIATE;");
        _commit = database.CreateCommand("COMMIT;");
        _rollback = database.CreateCommand("ROLLBACK;");
        _clear = database.CreateCommand("DELETE FROM local_auth_list;");
        _save = database.CreateCommand(
            """
            INSERT INTO local_auth_list (id_token, id_token_type, token, info)
            VALUES ($idToken, $type, $token, $info)
            ON CONFLICT (id_token, id_token_type) DO UPDATE SET token = excluded.token, info = excluded.info;
            """,
            "$idToken", "$type", "$token", "$info");
        _remove = database.CreateCommand("DELETE FROM local_auth_list WHERE id_token = $idToken AND id_token_type = $type;", "$idToken", "$type");
        _setVersion = database.CreateCommand(
            """
            INSERT INTO local_auth_list_version (slot, version_number) VALUES (1, $version)
            ON CONFLICT (slot) DO UPDATE SET version_number = excluded.version_number;
            """,
            "$version");
    }

    public ValueTask<StoredLocalAuthList> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask ReplaceAsync(int versionNumber, IReadOnlyList<LocalAuthListEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = Serialize(entries);
        await _database.RunAsync((this, versionNumber, rows), static s => s.Item1.InTransaction(self =>
        {
            self._clear.ExecuteNonQuery();
            foreach (var row in s.rows)
            {
                self.Save(row);
            }

            self.SetVersion(s.versionNumber);
        }), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask UpdateAsync(int versionNumber, IReadOnlyList<LocalAuthListEntry> upserts, IReadOnlyList<IdTokenType> removals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removals);
        var rows = Serialize(upserts);
        await _database.RunAsync((this, versionNumber, rows, removals), static s => s.Item1.InTransaction(self =>
        {
            foreach (var token in s.removals)
            {
                self._remove.Parameters[0].Value = token.IdToken;
                self._remove.Parameters[1].Value = token.Type.ToWireString();
                self._remove.ExecuteNonQuery();
            }

            foreach (var row in s.rows)
            {
                self.Save(row);
            }

            self.SetVersion(s.versionNumber);
        }), cancellationToken).ConfigureAwait(false);
    }

    private static List<Row> Serialize(IReadOnlyList<LocalAuthListEntry> entries) =>
        [.. entries.Select(e => new Row(
            e.IdToken.IdToken,
            e.IdToken.Type.ToWireString(),
            JsonSerializer.Serialize(e.IdToken, OcppJsonContext.Default.IdTokenType),
            JsonSerializer.Serialize(e.IdTokenInfo, OcppJsonContext.Default.IdTokenInfoType)))];

    private int InTransaction(Action<SqliteLocalAuthListStore> work)
    {
        _begin.ExecuteNonQuery();
        try
        {
            work(this);
            _commit.ExecuteNonQuery();
            return 0;
        }
        catch
        {
            _rollback.ExecuteNonQuery();
            throw;
        }
    }

    private void Save(Row row)
    {
        _save.Parameters[0].Value = row.IdToken;
        _save.Parameters[1].Value = row.Type;
        _save.Parameters[2].Value = row.Token;
        _save.Parameters[3].Value = row.Info;
        _save.ExecuteNonQuery();
    }

    private void SetVersion(int versionNumber)
    {
        _setVersion.Parameters[0].Value = versionNumber;
        _setVersion.ExecuteNonQuery();
    }

    private StoredLocalAuthList Load()
    {
        var version = _loadVersion.ExecuteScalar() is long stored ? checked((int)stored) : 0;
        var entries = new List<LocalAuthListEntry>();
        using var reader = _loadEntries.ExecuteReader();
        while (reader.Read())
        {
            var token = JsonSerializer.Deserialize(reader.GetString(0), OcppJsonContext.Default.IdTokenType)
                ?? throw SqliteFailure.Damaged(_database.Path, "a local authorization list token is null");
            var info = JsonSerializer.Deserialize(reader.GetString(1), OcppJsonContext.Default.IdTokenInfoType)
                ?? throw SqliteFailure.Damaged(_database.Path, $"the local authorization list entry of a {token.Type} token is null");
            entries.Add(new LocalAuthListEntry(token, info));
        }

        return new StoredLocalAuthList(version, entries);
    }

    private sealed record Row(string IdToken, string Type, string Token, string Info);
}
