using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

/// <summary>Turns SQLite failures the user can fix (permissions, a full disk, a damaged file) into a
/// one-line <see cref="StationStoreException"/> that names the file; every other failure is a bug and stays
/// a <see cref="SqliteException"/>.</summary>
internal static class SqliteFailure
{
    // Primary result codes (https://sqlite.org/rescode.html); extended codes keep the primary one in the low byte.
    private const int Perm = 3;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static bool IsEnvironmental(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) is Perm or ReadOnly or IoErr or Corrupt or Full or CantOpen or NotADatabase;

    public static StationStoreException Describe(string databasePath, SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) switch
        {
            Corrupt or NotADatabase => Damaged(databasePath, exception.Message, exception),
            Full => new($"The disk holding '{databasePath}' is full: free some space and start again.", exception),
            Perm or ReadOnly or CantOpen => new(
                $"Cannot open '{databasePath}' for writing: make it and its data directory writable by this user, or choose another data directory.",
                exception),
            _ => new($"Reading or writing '{databasePath}' failed ({exception.Message}): check the disk that holds the data directory.", exception),
        };

    public static StationStoreException Damaged(string databasePath, string detail, Exception? cause = null)
    {
        var message = $"The database '{databasePath}' is damaged or is not a Chargebox database ({detail}): "
            + "move it aside to start with empty storage, or restore a backup.";
        return cause is null ? new(message) : new(message, cause);
    }
}
