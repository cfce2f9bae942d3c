using Chargebox.Host.Cli;

namespace Chargebox.Host.Fleet;

/// <summary>The options of <c>chargebox fleet</c> (docs/fleet.md) as parsed by <see cref="FleetCommandLine"/>.</summary>
internal sealed record FleetOptions
{
    /// <summary>The CSMS endpoint and credentials every station uses; each appends its own identity.</summary>
    public required CsmsConnectionOptions Connection { get; init; }

    public required int Count { get; init; }

    public string IdPrefix { get; init; } = "CB";

    public string? ProfilePath { get; init; }

    /// <summary>One SQLite store (and meter files) per station under it; null: in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Stations started per second, so that a CSMS is not hit by every handshake at once.</summary>
    public int Ramp { get; init; } = 50;

    public FleetScenario Scenario { get; init; } = FleetScenario.Idle;

    public int Seed { get; init; }

    public SecondsRange ChargeTime { get; init; } = new(600, 3600);

    public SecondsRange PauseTime { get; init; } = new(60, 600);

    public int? ControlPort { get; init; }

    public TimeSpan SummaryInterval { get; init; } = TimeSpan.FromSeconds(10);

    public bool Verbose { get; init; }
}
