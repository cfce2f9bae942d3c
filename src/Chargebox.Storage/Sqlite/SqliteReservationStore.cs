using System.Globalization;
using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

internal sealed class SqliteReservationStore : IReservationStore
{
    // Round-trip text, as in the other stores.
    private const string TimeFormat = "O";

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _load;
    private readonly SqliteCommand _save;
    private readonly SqliteCommand _remove;

    public SqliteReservationStore(SqliteDatabase database)
    {
        _database = database;
        _load = database.CreateCommand(
            "SELECT id, expiry_date_time, id_token, id_token_type, group_id_token, group_id_token_type, evse_id, connector_type FROM reservation;");
        _save = database.CreateCommand(
            """
            INSERT INTO reservation (id, expiry_date_time, id_token, id_token_type, group_id_token, group_id_token_type, evse_id, connector_type)
            VALUES ($id, $expiry, $token, $tokenType, $group, $groupType, $evse, $connectorType)
            ON CONFLICT (id) DO UPDATE SET
                expiry_date_time = excluded.expiry_date_time, id_token = excluded.id_token, id_token_type = excluded.id_token_type,
                group_id_token = excluded.group_id_token, group_id_token_type = excluded.group_id_token_type,
                evse_id = excluded.evse_id, connector_type = excluded.connector_type;
            """,
            "$id", "$expiry", "$token", "$tokenType", "$group", "$groupType", "$evse", "$connectorType");
        _remove = database.CreateCommand("DELETE FROM reservation WHERE id = $id;", "$id");
    }

    public ValueTask<IReadOnlyList<StoredReservation>> LoadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(this, static self => self.Load(), cancellationToken);

    public async ValueTask SaveAsync(StoredReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        await _database.RunAsync((this, reservation), static s =>
        {
            var save = s.Item1._save;
            var r = s.reservation;
            save.Parameters[0].Value = r.Id;
            save.Parameters[1].Value = r.ExpiryDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);
            save.Parameters[2].Value = r.IdToken;
            save.Parameters[3].Value = r.IdTokenType;
            save.Parameters[4].Value = (object?)r.GroupIdToken ?? DBNull.Value;
            save.Parameters[5].Value = (object?)r.GroupIdTokenType ?? DBNull.Value;
            save.Parameters[6].Value = (object?)r.EvseId ?? DBNull.Value;
            save.Parameters[7].Value = (object?)r.ConnectorType ?? DBNull.Value;
            return save.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RemoveAsync(int reservationId, CancellationToken cancellationToken)
    {
        await _database.RunAsync((this, reservationId), static s =>
        {
            s.Item1._remove.Parameters[0].Value = s.reservationId;
            return s.Item1._remove.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    private IReadOnlyList<StoredReservation> Load()
    {
        var reservations = new List<StoredReservation>();
        using var reader = _load.ExecuteReader();
        while (reader.Read())
        {
            reservations.Add(new StoredReservation(
                reader.GetInt32(0),
                DateTimeOffset.ParseExact(reader.GetString(1), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return reservations;
    }
}
