using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.Transactions;

namespace Chargebox.Station.DisplayMessages;

/// <summary>The station's state as a display message's <c>state</c> field means it: a message with a state is
/// shown only while the station is in that state (TC_O_36_CS..TC_O_38_CS).</summary>
internal static class DisplayState
{
    /// <summary>Charging while energy flows on any EVSE; else Faulted when a connector is faulted; else
    /// Unavailable when no connector can be used; else Idle.</summary>
    public static MessageStateEnumType Of(AvailabilityBlock availability, TransactionBlock transactions, IEnumerable<int> evseIds)
    {
        if (evseIds.Any(id => transactions.StatusOf(id)?.ChargingState == ChargingStateEnumType.Charging))
        {
            return MessageStateEnumType.Charging;
        }

        var statuses = availability.Connectors.Select(availability.StatusOf).ToList();
        if (statuses.Contains(ConnectorStatusEnumType.Faulted))
        {
            return MessageStateEnumType.Faulted;
        }

        return statuses.Count > 0 && statuses.TrueForAll(s => s == ConnectorStatusEnumType.Unavailable)
            ? MessageStateEnumType.Unavailable
            : MessageStateEnumType.Idle;
    }
}
