using Chargebox.Station.Authorization;
using Chargebox.Station.Storage;
using Chargebox.Storage.Sqlite;

namespace Chargebox.Storage;

/// <summary>The station's storage in one SQLite file, <c>&lt;data directory&gt;/chargebox.db</c>. Every
/// write is one transaction, fsynced before its task completes, so neither a crash nor a power cut loses
/// an acknowledged write. Safe for concurrent use (the station and the host's control API).</summary>
public sealed class SqliteStationStore : IStationStore
{
    public const string DatabaseFileName = "chargebox.db";

    private readonly SqliteDatabase _database;

    private SqliteStationStore(SqliteDatabase database)
    {
        _database = database;
        DeviceModel = new SqliteDeviceModelStore(database);
        Availability = new SqliteAvailabilityStore(database);
        MessageQueue = new SqliteMessageQueueStore(database);
        NetworkProfiles = new SqliteNetworkProfileStore(database);
        AuthorizationCache = new SqliteAuthorizationCacheStore(database);
        SecurityLog = new SqliteSecurityLogStore(database);
        Transactions = new SqliteTransactionStore(database);
        Certificates = new SqliteCertificateStore(database);
        FirmwareUpdate = new SqliteFirmwareUpdateStore(database);
        LocalAuthList = new SqliteLocalAuthListStore(database);
        Reservations = new SqliteReservationStore(database);
        DisplayMessages = new SqliteDisplayMessageStore(database);
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _database.Path;

    public IDeviceModelStore DeviceModel { get; }

    internal SqliteDatabase Database => _database;

    public IAvailabilityStore Availability { get; }

    public IMessageQueueStore MessageQueue { get; }

    public INetworkProfileStore NetworkProfiles { get; }
    public ITransactionStore Transactions { get; }

    public IAuthorizationCacheStore AuthorizationCache { get; }

    public ICertificateStore Certificates { get; }

    public ISecurityLogStore SecurityLog { get; }

    public IFirmwareUpdateStore FirmwareUpdate { get; }

    public ILocalAuthListStore LocalAuthList { get; }
    public IReservationStore Reservations { get; }

    public IDisplayMessageStore DisplayMessages { get; }

    /// <summary>Opens the store in <paramref name="dataDirectory"/>, creating the directory and the
    /// database file if needed and migrating an older file to the current schema.</summary>
    /// <exception cref="StationStoreException">The directory cannot be written, the file is damaged, or it
    /// was written by a newer Chargebox; the message says which and what to do.</exception>
    public static Task<SqliteStationStore> OpenAsync(string dataDirectory, CancellationToken cancellationToken = default) =>
        OpenAsync(dataDirectory, SchemaMigrations.All, cancellationToken);

    internal static async Task<SqliteStationStore> OpenAsync(
        string dataDirectory, IReadOnlyList<SchemaMigration> migrations, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var directory = Path.GetFullPath(dataDirectory);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new StationStoreException(
                $"Cannot create the data directory '{directory}' ({exception.Message}): choose a writable data directory.", exception);
        }

        var database = await SqliteDatabase.OpenAsync(Path.Combine(directory, DatabaseFileName), migrations, cancellationToken)
            .ConfigureAwait(false);
        return new SqliteStationStore(database);
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
