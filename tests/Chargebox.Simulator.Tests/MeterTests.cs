using Chargebox.Station.Hardware;

namespace Chargebox.Simulator.Tests;

public sealed class MeterTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task One_hour_at_7_36_kW_adds_exactly_7360_Wh()
    {
        using var sim = new SimulatorFixture();
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);
        await evse.Relay.CloseAsync(32m, None);

        sim.Time.Advance(TimeSpan.FromHours(1));
        var reading = await evse.Meter.ReadAsync(None);

        Assert.Equal(7360m, reading.EnergyActiveImportWh);
        Assert.Equal(7360m, reading.PowerActiveImportW);
        Assert.Equal([32m], reading.CurrentImportA);
        Assert.Equal([230m], reading.VoltageV);
        Assert.Equal(32m, reading.CurrentOfferedA);
        Assert.Equal(sim.Time.GetUtcNow(), reading.Timestamp);
    }

    [Fact]
    public async Task Energy_read_every_second_for_an_hour_sums_exactly()
    {
        using var sim = new SimulatorFixture();
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);
        await evse.Relay.CloseAsync(32m, None);

        var previous = 0m;
        for (var second = 0; second < 3600; second++)
        {
            sim.Time.Advance(TimeSpan.FromSeconds(1));
            var energy = (await evse.Meter.ReadAsync(None)).EnergyActiveImportWh;
            Assert.True(energy >= previous, $"register went back from {previous} to {energy}");
            previous = energy;
        }

        Assert.Equal(7360m, previous);
    }

    [Fact]
    public async Task No_energy_while_the_relay_is_open()
    {
        using var sim = new SimulatorFixture();
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);

        sim.Time.Advance(TimeSpan.FromHours(1));
        var reading = await evse.Meter.ReadAsync(None);

        Assert.Equal(0m, reading.EnergyActiveImportWh);
        Assert.Equal(0m, reading.PowerActiveImportW);
        Assert.Equal(0m, reading.CurrentOfferedA);
    }

    [Fact]
    public async Task No_energy_while_the_EV_is_suspended()
    {
        using var sim = new SimulatorFixture();
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);
        await evse.Relay.CloseAsync(32m, None);
        sim.Time.Advance(TimeSpan.FromMinutes(30));

        sim.Charger.SetEvCharging(1, false);
        sim.Time.Advance(TimeSpan.FromHours(2));
        var reading = await evse.Meter.ReadAsync(None);

        Assert.Equal(3680m, reading.EnergyActiveImportWh);
        Assert.Equal(0m, reading.PowerActiveImportW);
        Assert.Equal([0m], reading.CurrentImportA);
        Assert.Equal(32m, reading.CurrentOfferedA);
    }

    [Fact]
    public async Task No_energy_without_an_EV_even_with_the_relay_closed()
    {
        using var sim = new SimulatorFixture();
        var evse = sim.Charger.Evses[0];
        await evse.Relay.CloseAsync(32m, None);
        sim.Charger.Plug(1);
        sim.Time.Advance(TimeSpan.FromMinutes(30));
        sim.Charger.Unplug(1);

        sim.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(3680m, (await evse.Meter.ReadAsync(None)).EnergyActiveImportWh);
    }

    [Fact]
    public async Task Offered_current_limits_the_draw_and_changes_apply_from_then_on()
    {
        using var sim = new SimulatorFixture();
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);
        await evse.Relay.CloseAsync(16m, None);
        sim.Time.Advance(TimeSpan.FromHours(1));

        await evse.Relay.SetOfferedCurrentAsync(6m, None);
        sim.Time.Advance(TimeSpan.FromHours(1));
        var reading = await evse.Meter.ReadAsync(None);

        Assert.Equal(3680m + 1380m, reading.EnergyActiveImportWh);
        Assert.Equal([6m], reading.CurrentImportA);
        Assert.Equal(1380m, reading.PowerActiveImportW);
        Assert.Equal(6m, reading.CurrentOfferedA);
    }

    [Fact]
    public async Task The_EV_draws_no_more_than_its_own_maximum()
    {
        using var sim = new SimulatorFixture();
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1, ev: new SimulatedEvOptions { MaxCurrentA = 10m });
        await evse.Relay.CloseAsync(32m, None);

        var reading = await evse.Meter.ReadAsync(None);

        Assert.Equal([10m], reading.CurrentImportA);
        Assert.Equal(32m, reading.CurrentOfferedA);
    }

    [Fact]
    public async Task The_relay_never_offers_more_than_the_EVSE_rating()
    {
        using var sim = new SimulatorFixture(SimulatorFixture.OneEvse(new SimulatedEvseOptions { Id = 1, MaxCurrentA = 16m }));
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);
        await evse.Relay.CloseAsync(63m, None);

        var reading = await evse.Meter.ReadAsync(None);

        Assert.Equal(16m, reading.CurrentOfferedA);
        Assert.Equal([16m], reading.CurrentImportA);
    }

    [Fact]
    public async Task Three_phase_EV_on_three_phase_EVSE_draws_on_every_phase()
    {
        using var sim = new SimulatorFixture(SimulatorFixture.OneEvse(new SimulatedEvseOptions { Id = 1, Phases = 3 }));
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1, ev: new SimulatedEvOptions { Phases = 3 });
        await evse.Relay.CloseAsync(16m, None);

        sim.Time.Advance(TimeSpan.FromHours(1));
        var reading = await evse.Meter.ReadAsync(None);

        Assert.Equal(11040m, reading.PowerActiveImportW);
        Assert.Equal(11040m, reading.EnergyActiveImportWh);
        Assert.Equal([16m, 16m, 16m], reading.CurrentImportA);
        Assert.Equal([230m, 230m, 230m], reading.VoltageV);
    }

    [Fact]
    public async Task One_phase_EV_on_three_phase_EVSE_draws_on_L1_only()
    {
        using var sim = new SimulatorFixture(SimulatorFixture.OneEvse(new SimulatedEvseOptions { Id = 1, Phases = 3 }));
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);
        await evse.Relay.CloseAsync(32m, None);

        var reading = await evse.Meter.ReadAsync(None);

        Assert.Equal(7360m, reading.PowerActiveImportW);
        Assert.Equal([32m, 0m, 0m], reading.CurrentImportA);
    }

    [Fact]
    public async Task DC_power_is_the_EV_battery_voltage_times_the_current()
    {
        var options = SimulatorFixture.OneEvse(new SimulatedEvseOptions
        {
            Id = 1,
            SupplyType = SimulatedSupplyType.DC,
            MaxCurrentA = 125m,
        });
        using var sim = new SimulatorFixture(options);
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1, ev: new SimulatedEvOptions { VoltageV = 400m, MaxCurrentA = 125m });
        await evse.Relay.CloseAsync(125m, None);

        sim.Time.Advance(TimeSpan.FromMinutes(6));
        var reading = await evse.Meter.ReadAsync(None);

        Assert.Equal(50000m, reading.PowerActiveImportW);
        Assert.Equal(5000m, reading.EnergyActiveImportWh);
        Assert.Equal([400m], reading.VoltageV);
    }

    [Fact]
    public async Task The_register_starts_at_the_configured_value()
    {
        using var sim = new SimulatorFixture(SimulatorFixture.OneEvse(new SimulatedEvseOptions { Id = 1, InitialEnergyWh = 123456m }));
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);
        await evse.Relay.CloseAsync(32m, None);
        sim.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(123456m + 7360m, (await evse.Meter.ReadAsync(None)).EnergyActiveImportWh);
    }

    [Fact]
    public async Task Each_EVSE_has_its_own_meter()
    {
        using var sim = new SimulatorFixture(SimulatedChargerOptions.Default(2));
        sim.Charger.Plug(2);
        await sim.Charger.Evses[1].Relay.CloseAsync(32m, None);
        sim.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0m, (await sim.Charger.Evses[0].Meter.ReadAsync(None)).EnergyActiveImportWh);
        Assert.Equal(7360m, (await sim.Charger.Evses[1].Meter.ReadAsync(None)).EnergyActiveImportWh);
    }
}
