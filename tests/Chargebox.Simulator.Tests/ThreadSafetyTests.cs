using Chargebox.Station.Hardware;

namespace Chargebox.Simulator.Tests;

public sealed class ThreadSafetyTests
{
    [Fact]
    public async Task Control_threads_and_the_station_loop_can_work_at_once()
    {
        const int Evses = 4;
        const int Rounds = 500;
        using var sim = new SimulatorFixture(SimulatedChargerOptions.Default(Evses));
        using var stop = new CancellationTokenSource();

        // The "station": closes relays, reads meters and checks they never go backwards.
        var station = Task.Run(async () =>
        {
            var last = new decimal[Evses];
            var reads = 0;
            while (!stop.IsCancellationRequested || reads == 0)
            {
                for (var i = 0; i < Evses; i++)
                {
                    var evse = sim.Charger.Evses[i];
                    await evse.Relay.CloseAsync(32m, CancellationToken.None);
                    var energy = (await evse.Meter.ReadAsync(CancellationToken.None)).EnergyActiveImportWh;
                    Assert.True(energy >= last[i]);
                    last[i] = energy;
                    reads++;
                }
            }
        });

        // The "control API": one thread per EVSE plugs, toggles and unplugs, another moves time on.
        var drivers = Enumerable.Range(1, Evses).Select(evseId => Task.Run(() =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                sim.Charger.Plug(evseId);
                sim.Charger.SetEvCharging(evseId, false);
                sim.Charger.SetEvCharging(evseId, true);
                _ = sim.Charger.GetStatus();
                sim.Charger.Unplug(evseId);
            }
        })).ToList();
        var clock = Task.Run(() =>
        {
            for (var tick = 0; tick < Rounds; tick++)
            {
                sim.Time.Advance(TimeSpan.FromSeconds(1));
            }
        });

        await Task.WhenAll([.. drivers, clock]);
        await stop.CancelAsync();
        await station;

        for (var evseId = 1; evseId <= Evses; evseId++)
        {
            var events = sim.Sink.Events.Where(e => e switch
            {
                CableConnected c => c.EvseId == evseId,
                CableDisconnected d => d.EvseId == evseId,
                EvPowerDemandChanged p => p.EvseId == evseId,
                _ => false,
            }).ToList();
            Assert.Equal(Rounds * 5, events.Count);
            for (var round = 0; round < Rounds; round++)
            {
                Assert.IsType<CableConnected>(events[round * 5]);
                Assert.IsType<CableDisconnected>(events[(round * 5) + 4]);
            }
        }
    }
}
