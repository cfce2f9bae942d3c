using Chargebox.Station.Hardware;

namespace Chargebox.Simulator.Tests;

public sealed class BatteryTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static readonly SimulatedEvOptions HalfFullEv = new()
    {
        BatteryCapacityWh = 7360m,
        InitialStateOfChargePercent = 50m,
    };

    [Fact]
    public async Task A_full_battery_suspends_the_EV_when_it_fills_even_if_nobody_reads_the_meter()
    {
        using var sim = new SimulatorFixture();
        sim.Charger.Plug(1, ev: HalfFullEv);
        await sim.Charger.Evses[0].Relay.CloseAsync(32m, None);

        sim.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(new EvPowerDemandChanged(1, true), sim.Sink.Events[^1]);

        sim.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new EvPowerDemandChanged(1, false), sim.Sink.Events[^1]);

        sim.Time.Advance(TimeSpan.FromHours(1));
        var status = sim.Charger.GetStatus(1);
        Assert.Equal(3680m, status.EnergyWh);
        Assert.Equal(100m, status.EvStateOfChargePercent);
        Assert.False(status.EvDemanding);
        Assert.Equal(0m, status.PowerW);
        Assert.Single(sim.Sink.Events, e => e is EvPowerDemandChanged { Demanding: false });
    }

    [Fact]
    public async Task A_battery_that_fills_between_two_readings_takes_only_what_it_has_room_for()
    {
        using var sim = new SimulatorFixture();
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1, ev: HalfFullEv);
        await evse.Relay.CloseAsync(32m, None);

        sim.Time.Advance(TimeSpan.FromHours(5));

        Assert.Equal(3680m, (await evse.Meter.ReadAsync(None)).EnergyActiveImportWh);
    }

    [Fact]
    public async Task The_state_of_charge_follows_the_energy_delivered()
    {
        using var sim = new SimulatorFixture();
        sim.Charger.Plug(1, ev: HalfFullEv);
        await sim.Charger.Evses[0].Relay.CloseAsync(16m, None);

        sim.Time.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(75m, sim.Charger.GetStatus(1).EvStateOfChargePercent);
    }

    [Fact]
    public void An_EV_with_a_full_battery_cannot_be_told_to_ask_for_power()
    {
        using var sim = new SimulatorFixture();

        sim.Charger.Plug(1, ev: HalfFullEv with { InitialStateOfChargePercent = 100m });

        Assert.Equal([new CableConnected(1, 1)], sim.Sink.Events);
        Assert.Throws<InvalidSimulatorOperationException>(() => sim.Charger.SetEvCharging(1, true));
    }

    [Fact]
    public async Task Opening_the_relay_before_the_battery_fills_leaves_the_EV_asking_for_power()
    {
        using var sim = new SimulatorFixture();
        sim.Charger.Plug(1, ev: HalfFullEv);
        await sim.Charger.Evses[0].Relay.CloseAsync(32m, None);
        sim.Time.Advance(TimeSpan.FromMinutes(10));
        await sim.Charger.Evses[0].Relay.OpenAsync(None);

        sim.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal([new CableConnected(1, 1), new EvPowerDemandChanged(1, true)], sim.Sink.Events);
        Assert.True(sim.Charger.GetStatus(1).EvDemanding);
    }
}
