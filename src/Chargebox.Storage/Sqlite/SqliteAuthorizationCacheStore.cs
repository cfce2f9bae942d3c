using System.Globalization;
using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

/// <summary>One row per cached token; the token and its IdTokenInfo are kept as their OCPP JSON, so a field
/// the schema adds later (or customData) needs no schema step.</summary>
internal sealed class SqliteAuthorizationCacheStore : IAuthorizationCacheStore
{
    private const string TimeFormat = "O";

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _remove;
    private readonly SqliteCommand _clear;

    public SqliteAuthorizationCacheStore(SqliteDatabase database)
    {
        _database = database;
        _load = database.CreateCommand("SELECT token, info, last_used FROM authorization_cache;");
        _save = database.CreateCommand(
            """
            INSERT INTO authorization_cache (id_token, id_token_type, token, info, last_used)
            VALUES ($idToken, $type, $token, $info, $lastUsed)
            ON CONFLICT (id_token, id_token_type) DO UPDATE SET
                token = excluded.token, info = excluded.info, last_used = excluded.last_used;
            """,
            "$idToken", "$type", "$token", "$info", "$lastUsed");
        _remove = database.CreateCommand("DELETE FROM authorization_cache WHERE id_token = $idToken AND id_token_type = $type;", "$idToken", "$type");
        _clear = database.CreateCommand("DELETE FROM authorization_cache;");
    }

    public ValueTask<IReadOnlyList<AuthorizationCacheEntry>> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SaveAsync(AuthorizationCacheEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var token = JsonSerializer.Serialize(entry.IdToken, OcppJsonContext.Default.IdTokenType);
        var info = JsonSerializer.Serialize(entry.IdTokenInfo, OcppJsonContext.Default.IdTokenInfoType);
        await _database.RunAsync((this, entry, token, info), static s =>
        {
            var save = s.Item1._save;
            save.Parameters[0].Value = s.entry.IdToken.IdToken;
            save.Parameters[1].Value = s.entry.IdToken.Type.ToWireString();
            save.Parameters[2].Value = s.token;
            save.Parameters[3].Value = s.info;
            save.Parameters[4].Value = s.entry.LastUsed.ToString(TimeFormat, CultureInfo.InvariantCulture);
            return save.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(IdTokenType token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await _database.RunAsync((this, token), static s =>
        {
            var remove = s.Item1._remove;
            remove.Parameters[0].Value = s.token.IdToken;
            remove.Parameters[1].Value = s.token.Type.ToWireString();
            return remove.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken) =>
        await _database.RunAsync(this, static self => self._clear.ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);

    private IReadOnlyList<AuthorizationCacheEntry> Load()
    {
        var entries = new List<AuthorizationCacheEntry>();
        using var reader = _load.ExecuteReader();
        while (reader.Read())
        {
            var token = JsonSerializer.Deserialize(reader.GetString(0), OcppJsonContext.Default.IdTokenType)
                ?? throw SqliteFailure.Damaged(_database.Path, "an authorization cache token is null");
            var info = JsonSerializer.Deserialize(reader.GetString(1), OcppJsonContext.Default.IdTokenInfoType)
                ?? throw SqliteFailure.Damaged(_database.Path, $"the authorization cache entry of {token.Type} token is null");
            entries.Add(new AuthorizationCacheEntry(token, info, DateTimeOffset.ParseExact(reader.GetString(2), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None)));
        }

        return entries;
    }
}
