using Microsoft.Data.Sqlite;

namespace Chargebox.Host.Demo;

/// <summary>The demo CSMS's own record of what it received: one row per CALL in a SQLite file, so that the
/// session can be inspected after the demo (<c>sqlite3 demo-csms.db 'select * from received'</c>).</summary>
internal sealed class DemoRecorder : IAsyncDisposable
{
    public const string FileName = "demo-csms.db";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private DemoRecorder(SqliteConnection connection, string path)
    {
        _connection = connection;
        DatabasePath = path;
    }

    public string DatabasePath { get; }

    public static async Task<DemoRecorder> OpenAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE TABLE IF NOT EXISTS received (
                id INTEGER PRIMARY KEY,
                received_at TEXT NOT NULL,
                station_id TEXT NOT NULL,
                action TEXT NOT NULL,
                payload TEXT NOT NULL,
                answer TEXT)
            """;
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new DemoRecorder(connection, path);
    }

    public async Task RecordAsync(DemoMessage message, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var insert = _connection.CreateCommand();
            insert.CommandText = "INSERT INTO received (received_at, station_id, action, payload, answer) VALUES ($at, $station, $action, $payload, $answer)";
            insert.Parameters.AddWithValue("$at", message.ReceivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            insert.Parameters.AddWithValue("$station", message.StationId);
            insert.Parameters.AddWithValue("$action", message.Action);
            insert.Parameters.AddWithValue("$payload", message.Payload.ToJsonString());
            insert.Parameters.AddWithValue("$answer", (object?)message.Answer ?? DBNull.Value);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var count = _connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM received";
            return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
