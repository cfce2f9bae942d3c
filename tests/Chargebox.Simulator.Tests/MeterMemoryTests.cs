using Chargebox.Station.Hardware;

namespace Chargebox.Simulator.Tests;

/// <summary>With a directory, a meter's register and OCMF page counters survive the charger (a killed host, a
/// power cut): the next charger over the same directory goes on from the last value reported, so the register
/// never goes backwards and no page number is used twice.</summary>
public sealed class MeterMemoryTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chargebox-meter-memory-" + Guid.NewGuid().ToString("N"));

    private SimulatedChargerOptions Options(decimal initialEnergyWh = 0m) =>
        SimulatorFixture.OneEvse(new SimulatedEvseOptions { Id = 1, InitialEnergyWh = initialEnergyWh }) with { MeterKeyDirectory = _directory };

    [Fact]
    public async Task The_register_goes_on_from_the_last_reported_reading_after_a_restart()
    {
        decimal reported;
        using (var sim = new SimulatorFixture(Options(initialEnergyWh: 100m)))
        {
            reported = await ChargeAndReadAsync(sim, TimeSpan.FromMinutes(10));
            Assert.Equal(1326.666m, reported); // 100 Wh + 7360 W for 10 min, rounded down to the mWh
        }

        using var restarted = new SimulatorFixture(Options(initialEnergyWh: 100m));
        var reading = await restarted.Charger.Evses[0].Meter.ReadAsync(None);

        Assert.Equal(reported, reading.EnergyActiveImportWh);
    }

    [Fact]
    public async Task Energy_delivered_after_the_restart_adds_to_the_kept_register()
    {
        using (var sim = new SimulatorFixture(Options()))
        {
            await ChargeAndReadAsync(sim, TimeSpan.FromMinutes(10));
        }

        using var restarted = new SimulatorFixture(Options());
        var reading = await ChargeAndReadAsync(restarted, TimeSpan.FromMinutes(10));

        Assert.Equal(2453.332m, reading);
    }

    [Fact]
    public async Task A_status_snapshot_is_kept_too_because_it_reports_the_register()
    {
        using (var sim = new SimulatorFixture(Options()))
        {
            sim.Charger.Plug(1);
            await sim.Charger.Evses[0].Relay.CloseAsync(32m, None);
            sim.Time.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(1840m, sim.Charger.GetStatus(1).EnergyWh);
        }

        using var restarted = new SimulatorFixture(Options());
        Assert.Equal(1840m, restarted.Charger.GetStatus(1).EnergyWh);
    }

    [Fact]
    public async Task Energy_never_reported_before_the_restart_is_lost_not_invented()
    {
        using (var sim = new SimulatorFixture(Options()))
        {
            await ChargeAndReadAsync(sim, TimeSpan.FromMinutes(10));

            // Delivered but read by nobody when the power goes.
            sim.Time.Advance(TimeSpan.FromMinutes(10));
        }

        using var restarted = new SimulatorFixture(Options());
        Assert.Equal(1226.666m, (await restarted.Charger.Evses[0].Meter.ReadAsync(None)).EnergyActiveImportWh);
    }

    [Fact]
    public async Task OCMF_page_numbers_go_on_after_a_restart()
    {
        using (var sim = new SimulatorFixture(Options()))
        {
            var meter = sim.Charger.Evses[0].Meter;
            await meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.TransactionBegin, "tx-1"), None);
            await meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.TransactionEnd, "tx-1"), None);
            await meter.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.Fiscal, null), None);
        }

        using var restarted = new SimulatorFixture(Options());
        var next = restarted.Charger.Evses[0].Meter;
        var transaction = await next.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.TransactionBegin, "tx-2"), None);
        var fiscal = await next.ReadSignedAsync(new MeterSigningContext(MeterReadingReason.Fiscal, null), None);

        using var t = OcmfReader.Parse(transaction.SignedData);
        using var f = OcmfReader.Parse(fiscal.SignedData);
        Assert.Equal(("T3", "F2"), (t.Payload.RootElement.GetProperty("PG").GetString(), f.Payload.RootElement.GetProperty("PG").GetString()));
    }

    [Fact]
    public async Task Each_meter_keeps_its_own_register()
    {
        var options = SimulatedChargerOptions.Default(2) with { MeterKeyDirectory = _directory };
        using (var sim = new SimulatorFixture(options))
        {
            await ChargeAndReadAsync(sim, TimeSpan.FromMinutes(10));
            await sim.Charger.Evses[1].Meter.ReadAsync(None);
        }

        using var restarted = new SimulatorFixture(options);
        Assert.Equal(1226.666m, (await restarted.Charger.Evses[0].Meter.ReadAsync(None)).EnergyActiveImportWh);
        Assert.Equal(0m, (await restarted.Charger.Evses[1].Meter.ReadAsync(None)).EnergyActiveImportWh);
    }

    [Fact]
    public void A_memory_file_that_cannot_be_read_stops_the_charger_naming_the_file()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "meter-evse-1.json");
        File.WriteAllText(file, "{\"registerWh\":");

        var error = Assert.Throws<InvalidOperationException>(() => new SimulatorFixture(Options()));

        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_directory_every_charger_starts_at_its_initial_value()
    {
        var options = SimulatorFixture.OneEvse(new SimulatedEvseOptions { Id = 1, InitialEnergyWh = 5m });
        using (var sim = new SimulatorFixture(options))
        {
            await ChargeAndReadAsync(sim, TimeSpan.FromMinutes(10));
        }

        using var restarted = new SimulatorFixture(options);
        Assert.Equal(5m, (await restarted.Charger.Evses[0].Meter.ReadAsync(None)).EnergyActiveImportWh);
        Assert.False(Directory.Exists(_directory));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<decimal> ChargeAndReadAsync(SimulatorFixture sim, TimeSpan duration)
    {
        var evse = sim.Charger.Evses[0];
        sim.Charger.Plug(1);
        await evse.Relay.CloseAsync(32m, None);
        sim.Time.Advance(duration);
        var reading = await evse.Meter.ReadAsync(None);
        sim.Charger.Unplug(1);
        return reading.EnergyActiveImportWh;
    }
}
