using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

/// <summary>Certificates in <c>certificate</c> (rowid order is installation order), the seeded flag and the
/// pending signing key as named rows of <c>certificate_store_state</c>.</summary>
internal sealed class SqliteCertificateStore : ICertificateStore
{
    private const string SeededName = "seeded";
    private const string PendingKeyName = "pending_key";

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _remove;
    private readonly SqliteCommand _readState;
    private readonly SqliteCommand _writeState;
    private readonly SqliteCommand _clearState;

    public SqliteCertificateStore(SqliteDatabase database)
    {
        _database = database;
        _load = database.CreateCommand("SELECT id, use, pem, private_key FROM certificate ORDER BY rowid;");
        _save = database.CreateCommand(
            """
            INSERT INTO certificate (id, use, pem, private_key) VALUES ($id, $use, $pem, $key)
            ON CONFLICT (id) DO UPDATE SET use = excluded.use, pem = excluded.pem, private_key = excluded.private_key;
            """,
            "$id", "$use", "$pem", "$key");
        _remove = database.CreateCommand("DELETE FROM certificate WHERE id = $id;", "$id");
        _readState = database.CreateCommand("SELECT value FROM certificate_store_state WHERE name = $name;", "$name");
        _writeState = database.CreateCommand(
            """
            INSERT INTO certificate_store_state (name, value) VALUES ($name, $value)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value;
            """,
            "$name", "$value");
        _clearState = database.CreateCommand("DELETE FROM certificate_store_state WHERE name = $name;", "$name");
    }

    public ValueTask<IReadOnlyList<StoredCertificate>> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SaveAsync(StoredCertificate certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var key = certificate.PrivateKey.ToArray();
        await _database.RunAsync((this, certificate, key), static s =>
        {
            var save = s.Item1._save;
            save.Parameters[0].Value = s.certificate.Id;
            save.Parameters[1].Value = s.certificate.Use;
            save.Parameters[2].Value = s.certificate.Pem;
            save.Parameters[3].Value = s.key.Length == 0 ? DBNull.Value : s.key;
            return save.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await _database.RunAsync((this, id), static s =>
        {
            s.Item1._remove.Parameters[0].Value = s.id;
            return s.Item1._remove.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> IsSeededAsync(CancellationToken cancellationToken) =>
        await ReadStateAsync(SeededName, cancellationToken).ConfigureAwait(false) is not null;

    public ValueTask MarkSeededAsync(CancellationToken cancellationToken) =>
        WriteStateAsync(SeededName, [1], cancellationToken);

    public ValueTask<byte[]?> LoadPendingKeyAsync(CancellationToken cancellationToken) =>
        ReadStateAsync(PendingKeyName, cancellationToken);

    public ValueTask SavePendingKeyAsync(ReadOnlyMemory<byte>? pkcs8, CancellationToken cancellationToken) =>
        WriteStateAsync(PendingKeyName, pkcs8?.ToArray(), cancellationToken);

    private ValueTask<byte[]?> ReadStateAsync(string name, CancellationToken cancellationToken) =>
        _database.RunAsync((this, name), static s =>
        {
            s.Item1._readState.Parameters[0].Value = s.name;
            return s.Item1._readState.ExecuteScalar() as byte[];
        }, cancellationToken);

    private async ValueTask WriteStateAsync(string name, byte[]? value, CancellationToken cancellationToken)
    {
        await _database.RunAsync((this, name, value), static s =>
        {
            if (s.value is null)
            {
                s.Item1._clearState.Parameters[0].Value = s.name;
                return s.Item1._clearState.ExecuteNonQuery();
            }

            var write = s.Item1._writeState;
            write.Parameters[0].Value = s.name;
            write.Parameters[1].Value = s.value;
            return write.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<StoredCertificate> Load()
    {
        var certificates = new List<StoredCertificate>();
        using var reader = _load.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.IsDBNull(3) ? [] : (byte[])reader.GetValue(3);
            certificates.Add(new StoredCertificate(reader.GetString(0), reader.GetString(1), reader.GetString(2), key));
        }

        return certificates;
    }
}
