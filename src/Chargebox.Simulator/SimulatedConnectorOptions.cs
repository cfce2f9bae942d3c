namespace Chargebox.Simulator;

/// <summary>One connector of a simulated EVSE.</summary>
public sealed record SimulatedConnectorOptions
{
    /// <summary>The connector id within its EVSE, 1-based.</summary>
    public required int Id { get; init; }

    /// <summary>True for a socket whose detachable cable is held by a lock; false for a fixed cable
    /// (no lock: plugging and unplugging happen at the EV end).</summary>
    public bool HasLock { get; init; } = true;
}
