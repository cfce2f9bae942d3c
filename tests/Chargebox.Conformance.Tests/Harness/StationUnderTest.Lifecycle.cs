using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>Reboots: the station asks its hardware to reboot (Reset), or the tester power-cycles it. Either way
/// the running station is disposed and a new one is built over the same store and simulated hardware, as a
/// real controller restarting next to its persistent memory and its cables.</summary>
internal sealed partial class StationUnderTest
{
    private TaskCompletionSource _rebooted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Manual Action: Power cycle the Charging Station. Returns once the new station connected.</summary>
    public async Task PowerCycleAsync()
    {
        await Station.DisposeAsync();
        await PowerUpAsync(BootReasonEnumType.PowerUp);
        await NextConnectionAsync();
    }

    /// <summary>Waits until the station rebooted itself (after a Reset) and, unless told not to, connected again.</summary>
    public async Task WaitForRebootAsync(bool connected = true)
    {
        await _rebooted.Task.WaitAsync(Timeout);
        _rebooted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        if (connected)
        {
            await NextConnectionAsync();
        }
    }

    // Called on the station's own loop: the restart must not wait for that loop to end, so it runs beside it.
    private ValueTask OnRebootRequested(CancellationToken cancellationToken)
    {
        var old = Station;
        _restarting = Task.Run(async () =>
        {
            await old.DisposeAsync();
            await PowerUpAsync(old.RebootReason ?? BootReasonEnumType.PowerUp);
            _rebooted.TrySetResult();
        }, CancellationToken.None);
        return ValueTask.CompletedTask;
    }
}
