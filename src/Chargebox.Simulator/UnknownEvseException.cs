namespace Chargebox.Simulator;

/// <summary>A control operation named an EVSE the simulated charger does not have. Derives from
/// <see cref="KeyNotFoundException"/> so a control API can map every "no such thing" to one status (404).</summary>
public sealed class UnknownEvseException : KeyNotFoundException
{
    public UnknownEvseException(int evseId)
        : base($"The simulated charger has no EVSE {evseId}.")
    {
        EvseId = evseId;
    }

    public int EvseId { get; }
}
