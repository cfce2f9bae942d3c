namespace Chargebox.Host.Demo;

/// <summary>The options of <c>chargebox demo</c>.</summary>
/// <param name="DataDirectory">Where the station and the demo CSMS keep their SQLite files; null: a fresh
/// temporary directory, removed at the end.</param>
/// <param name="Verbose">Also log every OCPP message in and out.</param>
internal sealed record DemoOptions(string? DataDirectory, bool Verbose);
