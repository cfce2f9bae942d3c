using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;

namespace Chargebox.Station.Tests.Availability;

/// <summary>The connector status that follows from cable, transaction and availability.</summary>
public sealed class ConnectorStatusRulesTests
{
    [Fact]
    public void A_transaction_holding_the_connector_shows_Occupied_without_a_cable()
    {
        Assert.Equal(ConnectorStatusEnumType.Occupied, ConnectorStatusRules.Status(new ConnectorState(1, 1), operative: true, inUse: true, occupied: true));
    }

    [Fact]
    public void TC_E_26_A_transaction_waiting_for_the_EV_to_return_leaves_the_unplugged_connector_Available()
    {
        Assert.Equal(ConnectorStatusEnumType.Available, ConnectorStatusRules.Status(new ConnectorState(1, 1), operative: true, inUse: true, occupied: false));
    }

    [Fact]
    public void A_plugged_cable_is_Occupied_whatever_the_transaction()
    {
        Assert.Equal(ConnectorStatusEnumType.Occupied, ConnectorStatusRules.Status(new ConnectorState(1, 1) { CablePlugged = true }, operative: true, inUse: true, occupied: false));
    }

    [Fact]
    public void G03_FR_05_An_inoperative_connector_stays_Occupied_until_its_transaction_ends()
    {
        Assert.Equal(ConnectorStatusEnumType.Occupied, ConnectorStatusRules.Status(new ConnectorState(1, 1), operative: false, inUse: true, occupied: true));
        Assert.Equal(ConnectorStatusEnumType.Unavailable, ConnectorStatusRules.Status(new ConnectorState(1, 1), operative: false, inUse: false, occupied: false));
    }
}
