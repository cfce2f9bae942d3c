using System.Globalization;
using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

internal sealed class SqliteFirmwareUpdateStore : IFirmwareUpdateStore
{
    // Round-trip text, as in the other tables.
    private const string TimeFormat = "O";

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _clear;

    public SqliteFirmwareUpdateStore(SqliteDatabase database)
    {
        _database = database;
        _load = database.CreateCommand(
            """
            SELECT request_id, status, location, retrieve_date_time, install_date_time, signing_certificate, signature,
                   retries_left, retry_interval, image_path
            FROM firmware_update WHERE slot = 1;
            """);
        _save = database.CreateCommand(
            """
            INSERT OR REPLACE INTO firmware_update (slot, request_id, status, location, retrieve_date_time, install_date_time,
                signing_certificate, signature, retries_left, retry_interval, image_path)
            VALUES (1, $requestId, $status, $location, $retrieve, $install, $certificate, $signature, $retries, $interval, $image);
            """,
            "$requestId", "$status", "$location", "$retrieve", "$install", "$certificate", "$signature", "$retries", "$interval", "$image");
        _clear = database.CreateCommand("DELETE FROM firmware_update;");
    }

    public ValueTask<StoredFirmwareUpdate?> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SaveAsync(StoredFirmwareUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        await _database.RunAsync((this, update), static s =>
        {
            var save = s.Item1._save;
            var u = s.update;
            save.Parameters[0].Value = u.RequestId;
            save.Parameters[1].Value = u.Status;
            save.Parameters[2].Value = u.Location;
            save.Parameters[3].Value = u.RetrieveDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
            save.Parameters[4].Value = u.InstallDateTime is { } install ? install.ToString(TimeFormat, CultureInfo.InvariantCulture) : DBNull.Value;
            save.Parameters[5].Value = u.SigningCertificate;
            save.Parameters[6].Value = u.Signature;
            save.Parameters[7].Value = u.RetriesLeft;
            save.Parameters[8].Value = u.RetryInterval;
            save.Parameters[9].Value = u.ImagePath;
            return save.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ClearAsync(CancellationToken cancellationToken) =>
        await _database.RunAsync(this, static self => self._clear.ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);

    private StoredFirmwareUpdate? Load()
    {
        using var reader = _load.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredFirmwareUpdate(
            reader.GetInt32(0),
            reader.GetString(1),
            reader.GetString(2),
            Time(reader.GetString(3)),
            reader.IsDBNull(4) ? null : Time(reader.GetString(4)),
            reader.GetString(5),
            reader.GetString(6),
            reader.GetInt32(7),
            reader.GetInt32(8),
            reader.GetString(9));
    }

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
