using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Availability;

/// <summary>The connector status that follows from the connector's state and the availability set by the CSMS.</summary>
internal static class ConnectorStatusRules
{
    /// <param name="connector">Cable, fault and reservation state.</param>
    /// <param name="operative">Whether the station, the EVSE and the connector are all Operative (G03, G04).</param>
    /// <param name="inUse">Whether a transaction runs on the connector's EVSE.</param>
    /// <param name="occupied">Whether that transaction holds the connector even without a cable (not while it
    /// waits for the EV to come back after an EV-side disconnect, E10).</param>
    public static ConnectorStatusEnumType Status(ConnectorState connector, bool operative, bool inUse, bool occupied)
    {
        // A fault wins over everything: the connector cannot be used whatever else holds.
        if (connector.Faulted)
        {
            return ConnectorStatusEnumType.Faulted;
        }

        // An inoperative connector only shows Unavailable once no transaction runs on it: until then the
        // change is Scheduled (G03.FR.05) and the connector stays Occupied.
        if (!operative && !inUse)
        {
            return ConnectorStatusEnumType.Unavailable;
        }

        if (connector.CablePlugged || occupied)
        {
            return ConnectorStatusEnumType.Occupied;
        }

        return connector.Reserved ? ConnectorStatusEnumType.Reserved : ConnectorStatusEnumType.Available;
    }
}
