using System.Globalization;
using Chargebox.Station.Storage;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

/// <summary>The security log in the <c>security_log</c> table, in id order (the order of appending, which
/// stays right even when the station's clock was set back).</summary>
internal sealed class SqliteSecurityLogStore : ISecurityLogStore
{
    // Round-trip text keeps the offset and every tick, and stays readable in the sqlite3 shell.
    private const string TimeFormat = "O";

    private readonly SqliteDatabase _database;
    private readonly SqliteCommand _append;
    private readonly SqliteCommand _trim;
    private readonly SqliteCommand _read;

    public SqliteSecurityLogStore(SqliteDatabase database)
    {
        _database = database;
        _append = database.CreateCommand(
            "INSERT INTO security_log (timestamp, type, tech_info) VALUES ($timestamp, $type, $techInfo);",
            "$timestamp", "$type", "$techInfo");
        _trim = database.CreateCommand(
            "DELETE FROM security_log WHERE id <= (SELECT MAX(id) FROM security_log) - $capacity;",
            "$capacity");
        _read = database.CreateCommand("SELECT timestamp, type, tech_info FROM security_log ORDER BY id;");
    }

    public async ValueTask AppendAsync(SecurityLogRecord record, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        await _database.RunAsync((this, record, capacity), static s =>
        {
            var append = s.Item1._append;
            append.Parameters[0].Value = s.record.Timestamp.ToString(TimeFormat, CultureInfo.InvariantCulture);
            append.Parameters[1].Value = s.record.Type;
            append.Parameters[2].Value = (object?)s.record.TechInfo ?? DBNull.Value;
            append.ExecuteNonQuery();

            // A separate statement: a crash between the two leaves one entry too many, never one too few.
            s.Item1._trim.Parameters[0].Value = s.capacity;
            return s.Item1._trim.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<IReadOnlyList<SecurityLogRecord>> ReadAsync(DateTimeOffset? oldest, DateTimeOffset? latest, CancellationToken cancellationToken) =>
        _database.RunAsync((this, oldest, latest), static s => s.Item1.Read(s.oldest, s.latest), cancellationToken);

    private IReadOnlyList<SecurityLogRecord> Read(DateTimeOffset? oldest, DateTimeOffset? latest)
    {
        // Filtered here, not in SQL: text timestamps with different offsets do not compare as instants.
        var records = new List<SecurityLogRecord>();
        using var reader = _read.ExecuteReader();
        while (reader.Read())
        {
            var timestamp = DateTimeOffset.ParseExact(reader.GetString(0), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);
            if ((oldest is null || timestamp >= oldest) && (latest is null || timestamp <= latest))
            {
                records.Add(new SecurityLogRecord(timestamp, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        return records;
    }
}
