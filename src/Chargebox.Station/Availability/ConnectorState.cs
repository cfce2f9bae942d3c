using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Availability;

/// <summary>What the station knows about one connector, from which its OCPP status follows.</summary>
internal sealed class ConnectorState
{
    public ConnectorState(int evseId, int connectorId)
    {
        EvseId = evseId;
        ConnectorId = connectorId;
    }

    public int EvseId { get; }

    public int ConnectorId { get; }

    /// <summary>A cable connects an EV.</summary>
    public bool CablePlugged { get; set; }

    public bool Faulted { get; set; }

    /// <summary>Held for a reservation (functional block H).</summary>
    public bool Reserved { get; set; }

    /// <summary>The status last sent to (or, while offline, due for) the CSMS; null before the first report.</summary>
    public ConnectorStatusEnumType? Reported { get; set; }

    /// <summary>The status changed while no StatusNotification could be sent (B04).</summary>
    public bool ChangedWhileOffline { get; set; }
}
