namespace Chargebox.Simulator.Tests;

public sealed class StationPowerTests
{
    [Fact]
    public async Task A_reboot_is_recorded_and_handed_to_the_host()
    {
        using var sim = new SimulatorFixture();
        var handled = 0;
        sim.Charger.AttachRebootHandler(_ =>
        {
            handled++;
            return ValueTask.CompletedTask;
        });

        await sim.Charger.Power.RebootAsync(CancellationToken.None);
        sim.Time.Advance(TimeSpan.FromMinutes(1));
        await sim.Charger.Power.RebootAsync(CancellationToken.None);

        Assert.Equal(2, handled);
        Assert.Equal([sim.Time.GetUtcNow().AddMinutes(-1), sim.Time.GetUtcNow()], sim.Charger.RebootRequests);
    }

    [Fact]
    public async Task A_reboot_without_a_handler_is_still_recorded()
    {
        using var sim = new SimulatorFixture();

        await sim.Charger.Power.RebootAsync(CancellationToken.None);

        Assert.Single(sim.Charger.RebootRequests);
    }
}
