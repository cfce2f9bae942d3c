using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Sqlite;

/// <summary>Brings a database file to the latest schema version, one step per transaction. The version is
/// the file's <c>PRAGMA user_version</c> (0 for a new file), written in the same transaction as the step,
/// so a crash mid-migration leaves the file at the previous version and the step runs again on reopen.</summary>
internal static class SchemaMigrator
{
    public static void Migrate(SqliteConnection connection, string path, IReadOnlyList<SchemaMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Schema migration at index {i} has version {migrations[i].Version}; versions must be 1, 2, 3, ... in order.");
            }
        }

        var latest = migrations.Count;
        var current = ReadVersion(connection, transaction: null);
        if (current > latest)
        {
            throw new StationStoreException(
                $"The database '{path}' has schema version {current}, but this Chargebox knows versions up to {latest}: "
                + "it was written by a newer Chargebox. Upgrade Chargebox, or choose another data directory.");
        }

        foreach (var migration in migrations.Skip(current))
        {
            Apply(connection, path, migration);
        }
    }

    public static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Apply(SqliteConnection connection, string path, SchemaMigration migration)
    {
        // IMMEDIATE takes the write lock before reading the version, so two processes opening the same new
        // file cannot both apply a step.
        using var transaction = connection.BeginTransaction(deferred: false);
        if (ReadVersion(connection, transaction) >= migration.Version)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // PRAGMA takes no parameters; the version is an int we own, formatted invariantly.
        command.CommandText = migration.Sql + $"\nPRAGMA user_version = {migration.Version.ToString(CultureInfo.InvariantCulture)};";
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException exception) when (!SqliteFailure.IsEnvironmental(exception))
        {
            throw new InvalidOperationException(
                $"Migrating '{path}' to schema version {migration.Version} ({migration.Description}) failed; the file stays at version {migration.Version - 1}.",
                exception);
        }

        transaction.Commit();
    }
}
