using Chargebox.Station.Hardware;

namespace Chargebox.Simulator.Tests;

public sealed class ConnectorLockTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_lock_obeys_lock_and_unlock()
    {
        using var sim = new SimulatorFixture();
        var connectorLock = sim.Charger.Evses[0].Connectors[0].Lock!;

        Assert.Equal(LockResult.Locked, await connectorLock.LockAsync(None));
        Assert.True(connectorLock.IsLocked);
        Assert.True(sim.Charger.GetStatus(1).Connectors[0].Locked);

        Assert.Equal(LockResult.Unlocked, await connectorLock.UnlockAsync(None));
        Assert.False(connectorLock.IsLocked);
    }

    [Fact]
    public async Task A_failing_unlock_reports_Failed_and_stays_locked_until_repaired()
    {
        using var sim = new SimulatorFixture();
        var connectorLock = sim.Charger.Evses[0].Connectors[0].Lock!;
        await connectorLock.LockAsync(None);

        sim.Charger.SetUnlockFailure(1, 1, true);
        Assert.Equal(LockResult.Failed, await connectorLock.UnlockAsync(None));
        Assert.True(connectorLock.IsLocked);

        sim.Charger.SetUnlockFailure(1, 1, false);
        Assert.Equal(LockResult.Unlocked, await connectorLock.UnlockAsync(None));
        Assert.False(connectorLock.IsLocked);
    }

    [Fact]
    public async Task A_failing_lock_reports_Failed_and_stays_open()
    {
        using var sim = new SimulatorFixture();
        var connectorLock = sim.Charger.Evses[0].Connectors[0].Lock!;

        sim.Charger.SetLockFailure(1, 1, true);

        Assert.Equal(LockResult.Failed, await connectorLock.LockAsync(None));
        Assert.False(connectorLock.IsLocked);
    }

    [Fact]
    public void A_fixed_cable_has_no_lock_and_refuses_lock_failures()
    {
        var options = SimulatorFixture.OneEvse(new SimulatedEvseOptions
        {
            Id = 1,
            Connectors = [new SimulatedConnectorOptions { Id = 1, HasLock = false }],
        });
        using var sim = new SimulatorFixture(options);

        Assert.Null(sim.Charger.Evses[0].Connectors[0].Lock);
        Assert.Throws<InvalidSimulatorOperationException>(() => sim.Charger.SetUnlockFailure(1, 1, true));
    }

    [Fact]
    public async Task The_EV_can_unplug_at_its_end_while_the_socket_is_locked()
    {
        using var sim = new SimulatorFixture();
        var connector = sim.Charger.Evses[0].Connectors[0];
        sim.Charger.Plug(1);
        await connector.Lock!.LockAsync(None);

        sim.Charger.Unplug(1);

        Assert.False(connector.IsCableConnected);
        Assert.True(connector.Lock.IsLocked);
    }
}
