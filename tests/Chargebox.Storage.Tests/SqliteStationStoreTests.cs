using System.Text;
using Chargebox.Station.Storage;
using Chargebox.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Tests;

/// <summary>What only the SQLite store promises: durability across reopen, its pragmas, and clear errors.</summary>
public sealed class SqliteStationStoreTests : IDisposable
{
    private static readonly DateTimeOffset QueuedAt = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _directory = new();

    private static CancellationToken None => CancellationToken.None;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Everything_written_is_there_after_reopening()
    {
        long lastId;
        await using (var store = await SqliteStationStore.OpenAsync(_directory.Path))
        {
            await store.DeviceModel.SaveAsync("a", "1", None);
            await store.Availability.SaveAsync(new AvailabilityScope(1, null), false, None);
            var first = await store.MessageQueue.EnqueueAsync("TransactionEvent", Encoding.UTF8.GetBytes("{}"), QueuedAt, None);
            await store.MessageQueue.SetAttemptsAsync(first.Id, 2, None);
            lastId = (await store.MessageQueue.EnqueueAsync("TransactionEvent", Encoding.UTF8.GetBytes("[]"), QueuedAt, None)).Id;
            await store.MessageQueue.RemoveAsync(lastId, None);
        }

        await using (var store = await SqliteStationStore.OpenAsync(_directory.Path))
        {
            Assert.Equal("1", (await store.DeviceModel.LoadAsync(None))["a"]);
            Assert.False((await store.Availability.LoadAsync(None))[new AvailabilityScope(1, null)]);
            var message = Assert.Single(await store.MessageQueue.LoadAsync(None));
            Assert.Equal(2, message.Attempts);
            Assert.Equal(QueuedAt, message.QueuedAt);
            // Ids keep increasing across a restart, even past a removed last message.
            Assert.True((await store.MessageQueue.EnqueueAsync("TransactionEvent", Encoding.UTF8.GetBytes("{}"), QueuedAt, None)).Id > lastId);
        }
    }

    [Fact]
    public async Task The_database_is_one_file_in_the_data_directory_with_WAL_and_full_sync()
    {
        var dataDirectory = Path.Combine(_directory.Path, "not", "yet", "there");

        await using var store = await SqliteStationStore.OpenAsync(dataDirectory);

        Assert.Equal(Path.Combine(dataDirectory, "chargebox.db"), store.DatabasePath);
        Assert.True(File.Exists(store.DatabasePath));
        Assert.Equal("wal", await store.Database.ReadPragmaAsync("journal_mode", None));
        Assert.Equal(2L, await store.Database.ReadPragmaAsync("synchronous", None)); // 2 = FULL
        Assert.Equal(1L, await store.Database.ReadPragmaAsync("foreign_keys", None));
        Assert.Equal((long)SchemaMigrations.LatestVersion, await store.Database.ReadPragmaAsync("user_version", None));
    }

    [Fact]
    public async Task An_empty_file_is_migrated_to_the_latest_version()
    {
        await File.WriteAllBytesAsync(_directory.DatabasePath, []);

        await using (var store = await SqliteStationStore.OpenAsync(_directory.Path))
        {
            await store.DeviceModel.SaveAsync("a", "1", None);
        }

        Assert.Equal(SchemaMigrations.LatestVersion, ReadUserVersion());
        Assert.Equal(["authorization_cache", "availability", "certificate", "certificate_store_state", "device_model_value", "display_message", "firmware_update", "local_auth_list", "local_auth_list_version", "message_queue", "network_profile", "reservation", "running_transaction", "security_log"], ReadTableNames());
    }

    [Fact]
    public async Task Reopening_an_up_to_date_file_changes_nothing()
    {
        await (await SqliteStationStore.OpenAsync(_directory.Path)).DisposeAsync();
        var tables = ReadTableNames();

        await (await SqliteStationStore.OpenAsync(_directory.Path)).DisposeAsync();

        Assert.Equal(SchemaMigrations.LatestVersion, ReadUserVersion());
        Assert.Equal(tables, ReadTableNames());
    }

    [Fact]
    public async Task An_appended_migration_runs_once_on_an_existing_file_and_keeps_the_data()
    {
        SchemaMigration[] released = [.. SchemaMigrations.All];
        SchemaMigration[] withNext = [.. released, new(released.Length + 1, "probe table", "CREATE TABLE probe (id INTEGER PRIMARY KEY);")];
        await using (var store = await SqliteStationStore.OpenAsync(_directory.Path, released, None))
        {
            await store.DeviceModel.SaveAsync("a", "1", None);
        }

        await (await SqliteStationStore.OpenAsync(_directory.Path, withNext, None)).DisposeAsync();
        await using (var store = await SqliteStationStore.OpenAsync(_directory.Path, withNext, None))
        {
            Assert.Equal("1", (await store.DeviceModel.LoadAsync(None))["a"]);
        }

        Assert.Equal(withNext.Length, ReadUserVersion());
        Assert.Contains("probe", ReadTableNames());
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_file_at_the_previous_version()
    {
        SchemaMigration[] released = [.. SchemaMigrations.All];
        SchemaMigration[] broken = [.. released, new(released.Length + 1, "broken", "CREATE TABLE half (id INTEGER); CREATE TABLE oops (;")];
        await (await SqliteStationStore.OpenAsync(_directory.Path, released, None)).DisposeAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteStationStore.OpenAsync(_directory.Path, broken, None));

        Assert.Contains($"schema version {broken.Length} (broken)", error.Message, StringComparison.Ordinal);
        Assert.Equal(released.Length, ReadUserVersion());
        Assert.DoesNotContain("half", ReadTableNames());
        await (await SqliteStationStore.OpenAsync(_directory.Path)).DisposeAsync();
    }

    [Fact]
    public async Task A_file_from_a_newer_Chargebox_is_refused_with_a_clear_message()
    {
        var newer = SchemaMigrations.LatestVersion + 5;
        using (var connection = OpenRaw())
        {
            Execute(connection, $"PRAGMA user_version = {newer};");
        }

        var error = await Assert.ThrowsAsync<StationStoreException>(() => SqliteStationStore.OpenAsync(_directory.Path));

        Assert.Contains(_directory.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer Chargebox", error.Message, StringComparison.Ordinal);
        Assert.Equal(newer, ReadUserVersion());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_a_clear_message()
    {
        await File.WriteAllTextAsync(_directory.DatabasePath, new string('x', 8192));

        var error = await Assert.ThrowsAsync<StationStoreException>(() => SqliteStationStore.OpenAsync(_directory.Path));

        Assert.Contains(_directory.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_with_damaged_pages_is_refused_with_a_clear_message()
    {
        await using (var store = await SqliteStationStore.OpenAsync(_directory.Path))
        {
            for (var i = 0; i < 50; i++)
            {
                await store.DeviceModel.SaveAsync($"key{i}", new string('v', 500), None);
            }
        }

        // Overwrite everything after the header page: the file still opens, its tables do not read.
        await using (var file = new FileStream(_directory.DatabasePath, FileMode.Open, FileAccess.Write))
        {
            Assert.True(file.Length > 8192, "the test needs a file of several pages");
            file.Position = 4096;
            file.Write(Enumerable.Repeat((byte)0x5A, (int)file.Length - 4096).ToArray());
        }

        var error = await Assert.ThrowsAsync<StationStoreException>(() => SqliteStationStore.OpenAsync(_directory.Path));

        Assert.Contains(_directory.DatabasePath, error.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unwritable_data_directory_is_refused_with_a_clear_message()
    {
        // A regular file where a directory is needed: unwritable for every user, root included.
        var blocker = Path.Combine(_directory.Path, "blocker");
        await File.WriteAllTextAsync(blocker, "");
        var dataDirectory = Path.Combine(blocker, "data");

        var error = await Assert.ThrowsAsync<StationStoreException>(() => SqliteStationStore.OpenAsync(dataDirectory));

        Assert.Contains(dataDirectory, error.Message, StringComparison.Ordinal);
        Assert.Contains("writable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_path_that_is_a_directory_is_refused_with_a_clear_message()
    {
        Directory.CreateDirectory(_directory.DatabasePath);

        var error = await Assert.ThrowsAsync<StationStoreException>(() => SqliteStationStore.OpenAsync(_directory.Path));

        Assert.Contains(_directory.DatabasePath, error.Message, StringComparison.Ordinal);
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _directory.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private int ReadUserVersion()
    {
        using var connection = OpenRaw();
        return SchemaMigrator.ReadVersion(connection, transaction: null);
    }

    private List<string> ReadTableNames()
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
