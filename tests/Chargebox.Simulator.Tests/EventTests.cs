using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;

namespace Chargebox.Simulator.Tests;

public sealed class EventTests
{
    [Fact]
    public void Events_are_posted_in_the_order_things_happen()
    {
        using var sim = new SimulatorFixture(SimulatedChargerOptions.Default(2));
        var token = new IdTokenType { IdToken = "04A2B3C4", Type = IdTokenEnumType.ISO14443 };

        sim.Charger.PresentToken(token, 2);
        sim.Charger.Plug(2);
        sim.Charger.SetEvCharging(2, false);
        sim.Charger.SetEvCharging(2, true);
        sim.Charger.SetFault(1, 1, true);
        sim.Charger.Unplug(2);

        Assert.Equal(
            [
                new IdTokenPresented(token, 2),
                new CableConnected(2, 1),
                new EvPowerDemandChanged(2, true),
                new EvPowerDemandChanged(2, false),
                new EvPowerDemandChanged(2, true),
                new ConnectorFaultChanged(1, 1, true),
                new CableDisconnected(2, 1),
            ],
            sim.Sink.Events);
    }

    [Fact]
    public void An_EV_that_does_not_ask_for_power_on_plug_posts_only_CableConnected()
    {
        using var sim = new SimulatorFixture();

        sim.Charger.Plug(1, ev: new SimulatedEvOptions { DemandsPowerOnPlug = false });

        Assert.Equal([new CableConnected(1, 1)], sim.Sink.Events);
        Assert.False(sim.Charger.GetStatus(1).EvDemanding);
    }

    [Fact]
    public void Plugging_sets_the_cable_state_of_the_chosen_connector()
    {
        var options = SimulatorFixture.OneEvse(new SimulatedEvseOptions
        {
            Id = 1,
            Connectors = [new SimulatedConnectorOptions { Id = 1 }, new SimulatedConnectorOptions { Id = 2, HasLock = false }],
        });
        using var sim = new SimulatorFixture(options);
        var connectors = sim.Charger.Evses[0].Connectors;

        sim.Charger.Plug(1, connectorId: 2);

        Assert.False(connectors[0].IsCableConnected);
        Assert.True(connectors[1].IsCableConnected);
        Assert.Equal(new CableConnected(1, 2), sim.Sink.Events[0]);
        Assert.Equal(2, sim.Charger.GetStatus(1).PluggedConnectorId);

        sim.Charger.Unplug(1);

        Assert.False(connectors[1].IsCableConnected);
        Assert.Equal(new CableDisconnected(1, 2), sim.Sink.Events[^1]);
    }

    [Fact]
    public void Asking_the_EV_for_the_demand_it_already_has_posts_nothing()
    {
        using var sim = new SimulatorFixture();
        sim.Charger.Plug(1);

        sim.Charger.SetEvCharging(1, true);

        Assert.Equal([new CableConnected(1, 1), new EvPowerDemandChanged(1, true)], sim.Sink.Events);
    }

    [Fact]
    public void A_fault_is_reported_and_seen_on_the_connector_until_cleared()
    {
        using var sim = new SimulatorFixture();
        var connector = sim.Charger.Evses[0].Connectors[0];

        sim.Charger.SetFault(1, 1, true);
        Assert.True(connector.IsFaulted);
        Assert.True(sim.Charger.GetStatus(1).Connectors[0].Faulted);

        sim.Charger.SetFault(1, 1, true);
        sim.Charger.SetFault(1, 1, false);

        Assert.False(connector.IsFaulted);
        Assert.Equal([new ConnectorFaultChanged(1, 1, true), new ConnectorFaultChanged(1, 1, false)], sim.Sink.Events);
    }

    [Fact]
    public void Events_before_a_sink_is_attached_are_dropped_and_the_state_is_readable()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var charger = new SimulatedCharger(SimulatedChargerOptions.Default(), time);
        charger.Plug(1);

        var sink = new RecordingEventSink();
        charger.AttachEventSink(sink);
        charger.Unplug(1);
        charger.Plug(1);

        Assert.Equal([new CableDisconnected(1, 1), new CableConnected(1, 1), new EvPowerDemandChanged(1, true)], sink.Events);
        Assert.True(charger.Evses[0].Connectors[0].IsCableConnected);
    }

    [Fact]
    public void A_token_without_an_EVSE_selection_is_posted_with_a_null_EVSE()
    {
        using var sim = new SimulatorFixture();
        var token = new IdTokenType { IdToken = "CARD-1", Type = IdTokenEnumType.Central };

        sim.Charger.PresentToken(token);

        var presented = Assert.IsType<IdTokenPresented>(Assert.Single(sim.Sink.Events));
        Assert.Same(token, presented.IdToken);
        Assert.Null(presented.EvseId);
    }
}
