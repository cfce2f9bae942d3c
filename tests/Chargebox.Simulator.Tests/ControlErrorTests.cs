using Chargebox.Protocol.Messages;

namespace Chargebox.Simulator.Tests;

public sealed class ControlErrorTests
{
    [Fact]
    public void Unknown_EVSE_is_reported_with_its_own_exception()
    {
        using var sim = new SimulatorFixture();
        var token = new IdTokenType { IdToken = "X", Type = IdTokenEnumType.Central };

        var thrown = Assert.Throws<UnknownEvseException>(() => sim.Charger.Plug(7));
        Assert.Equal(7, thrown.EvseId);
        Assert.Throws<UnknownEvseException>(() => sim.Charger.Unplug(7));
        Assert.Throws<UnknownEvseException>(() => sim.Charger.SetEvCharging(7, true));
        Assert.Throws<UnknownEvseException>(() => sim.Charger.PresentToken(token, 7));
        Assert.Throws<UnknownEvseException>(() => sim.Charger.SetFault(7, 1, true));
        Assert.Throws<UnknownEvseException>(() => sim.Charger.GetStatus(7));
        Assert.Throws<UnknownEvseException>(() => sim.Charger.GetEvse(0));
        Assert.Empty(sim.Sink.Events);
    }

    [Fact]
    public void Unknown_connector_is_reported_with_its_own_exception()
    {
        using var sim = new SimulatorFixture();

        Assert.Throws<UnknownConnectorException>(() => sim.Charger.Plug(1, connectorId: 2));
        Assert.Throws<UnknownConnectorException>(() => sim.Charger.SetFault(1, 2, true));
        Assert.Throws<UnknownConnectorException>(() => sim.Charger.SetUnlockFailure(1, 2, true));
    }

    [Fact]
    public void Unplugging_or_steering_an_EV_that_is_not_there_is_refused()
    {
        using var sim = new SimulatorFixture();

        Assert.Throws<InvalidSimulatorOperationException>(() => sim.Charger.Unplug(1));
        Assert.Throws<InvalidSimulatorOperationException>(() => sim.Charger.SetEvCharging(1, true));
        Assert.Empty(sim.Sink.Events);
    }

    [Fact]
    public void A_second_EV_cannot_be_plugged_into_the_same_EVSE()
    {
        using var sim = new SimulatorFixture();
        sim.Charger.Plug(1);

        Assert.Throws<InvalidSimulatorOperationException>(() => sim.Charger.Plug(1));
        Assert.Equal(2, sim.Sink.Events.Count);
    }

    [Fact]
    public void Impossible_EV_options_are_refused_and_nothing_is_plugged()
    {
        using var sim = new SimulatorFixture();

        Assert.Throws<ArgumentException>(() => sim.Charger.Plug(1, ev: new SimulatedEvOptions { Phases = 2 }));
        Assert.Throws<ArgumentException>(() => sim.Charger.Plug(1, ev: new SimulatedEvOptions { InitialStateOfChargePercent = 101m, BatteryCapacityWh = 1m }));
        Assert.False(sim.Charger.GetStatus(1).Plugged);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 2, 1)]
    [InlineData(1, 1, 0)]
    public void Impossible_charger_shapes_are_refused(int evseId, int phases, int connectorId)
    {
        var options = SimulatorFixture.OneEvse(new SimulatedEvseOptions
        {
            Id = evseId,
            Phases = phases,
            Connectors = [new SimulatedConnectorOptions { Id = connectorId }],
        });

        Assert.Throws<ArgumentException>(() => new SimulatedCharger(options, TimeProvider.System));
    }

    [Fact]
    public void Duplicate_EVSE_ids_are_refused()
    {
        var options = new SimulatedChargerOptions { Evses = [new SimulatedEvseOptions { Id = 1 }, new SimulatedEvseOptions { Id = 1 }] };

        Assert.Throws<ArgumentException>(() => new SimulatedCharger(options, TimeProvider.System));
    }
}
