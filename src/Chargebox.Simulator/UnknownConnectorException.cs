namespace Chargebox.Simulator;

/// <summary>A control operation named a connector the EVSE does not have (see <see cref="UnknownEvseException"/>).</summary>
public sealed class UnknownConnectorException : KeyNotFoundException
{
    public UnknownConnectorException(int evseId, int connectorId)
        : base($"EVSE {evseId} of the simulated charger has no connector {connectorId}.")
    {
        EvseId = evseId;
        ConnectorId = connectorId;
    }

    public int EvseId { get; }

    public int ConnectorId { get; }
}
