using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Availability;

/// <summary>The connector status that follows from the connector's state and the availability set by the CSMS.</summary>
internal static class ConnectorStatusRules
{
    /// <param name="connector">Cable, fault and reservation state.</param>
    /// <param name="operative">Whether the station, the EVSE and the connector are all Operative (G03, G04).</param>
    /// <param name="inUse">Whether a transaction runs on the connector's EVSE.</param>
    public static ConnectorStatusEnumType Status(ConnectorState connector, bool operative, bool inUse)
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

        if (connector.CablePlugged || inUse)
        {
            return ConnectorStatusEnumType.Occupied;
        }

        return connector.Reserved ? ConnectorStatusEnumType.Reserved : ConnectorStatusEnumType.Available;
    }
}
