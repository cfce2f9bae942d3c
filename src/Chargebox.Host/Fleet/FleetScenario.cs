namespace Chargebox.Host.Fleet;

/// <summary>What each station of a fleet does after it boots (docs/fleet.md).</summary>
internal enum FleetScenario
{
    /// <summary>Stays connected: boot, status, heartbeats.</summary>
    Idle,

    /// <summary>Plays charging sessions in a loop: plug, card, charge, unplug, pause.</summary>
    Charge,
}
