using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

/// <summary>The one connection to <c>chargebox.db</c>, shared by the stores of one station. The station
/// writes from one logical thread, but the host's control API may read at the same time, so every use goes
/// through a gate. Commands are created once and reused, so SQLite prepares each statement once.</summary>
internal sealed class SqliteDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<SqliteCommand> _commands = [];
    private bool _disposed;

    private SqliteDatabase(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public string Path { get; }

    /// <summary>Opens (creating if needed) the database file, checks it and brings its schema up to date.</summary>
    public static async Task<SqliteDatabase> OpenAsync(
        string path, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // One long-lived connection per store; pooling would keep the file open after DisposeAsync.
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // SQLite silently falls back to read-only when the file is write-protected; the station would
            // then fail on its first write instead of at start-up.
            if (SQLitePCL.raw.sqlite3_db_readonly(connection.Handle, "main") != 0)
            {
                throw new StationStoreException(
                    $"Cannot open '{path}' for writing: make it and its data directory writable by this user, or choose another data directory.");
            }

            Configure(connection, path);
            CheckIntegrity(connection, path);
            SchemaMigrator.Migrate(connection, path, migrations);
            return new SqliteDatabase(path, connection);
        }
        catch (SqliteException exception) when (SqliteFailure.IsEnvironmental(exception))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw SqliteFailure.Describe(path, exception);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A command on this connection with the named parameters, kept for reuse until disposal.</summary>
    public SqliteCommand CreateCommand(string sql, params ReadOnlySpan<string> parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        _commands.Add(command);
        return command;
    }

    /// <summary>Runs <paramref name="work"/> alone on the connection. A write in it is one statement in
    /// autocommit mode, hence one transaction, committed (and with synchronous=FULL, on disk) on return.</summary>
    public async ValueTask<TResult> RunAsync<TState, TResult>(
        TState state, Func<TState, TResult> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return work(state);
        }
        catch (SqliteException exception) when (SqliteFailure.IsEnvironmental(exception))
        {
            throw SqliteFailure.Describe(Path, exception);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The value of a read-only PRAGMA on this connection, e.g. <c>synchronous</c>.</summary>
    public ValueTask<object?> ReadPragmaAsync(string name, CancellationToken cancellationToken)
    {
        if (!name.All(c => char.IsAsciiLetter(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a PRAGMA name.", nameof(name));
        }

        return RunAsync((_connection, name), static s => Scalar(s._connection, $"PRAGMA {s.name};"), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var command in _commands)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            // Closing the last connection checkpoints the write-ahead log into the database file.
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Configure(SqliteConnection connection, string path)
    {
        // WAL: readers do not block the writer, and a commit is one append plus one fsync.
        var journalMode = Scalar(connection, "PRAGMA journal_mode = WAL;") as string;
        if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new StationStoreException(
                $"The file system holding '{path}' does not support SQLite's write-ahead log (journal mode stays '{journalMode}'): choose a data directory on a local disk.");
        }

        // synchronous=FULL: every commit is fsynced, so a power cut (not only a crash) loses nothing
        // acknowledged. NORMAL would be faster but may lose the last commits on power loss in WAL mode.
        Execute(connection, """
            PRAGMA synchronous = FULL;
            PRAGMA foreign_keys = ON;
            PRAGMA busy_timeout = 5000;
            """);
    }

    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        // quick_check reads every page once: milliseconds for a station's few megabytes, and a damaged file
        // is reported at start-up, where the user can act, rather than in the middle of a transaction.
        var result = Scalar(connection, "PRAGMA quick_check;") as string;
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw SqliteFailure.Damaged(path, $"integrity check: {result}");
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
