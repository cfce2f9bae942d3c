namespace Chargebox.Storage.Sqlite;

/// <summary>One forward step of the database schema: applied once, in its own transaction, to a file whose
/// <c>PRAGMA user_version</c> is <see cref="Version"/> - 1.</summary>
/// <param name="Version">The schema version the file has after this step; 1 for the first.</param>
/// <param name="Description">What the step adds, for error messages and the docs.</param>
/// <param name="Sql">The statements of the step. Never edited once released: later changes are new steps.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
