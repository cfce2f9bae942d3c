using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>The charger's power switch. A reboot is recorded (tests and the dashboard see it) and handed to
/// the host, which restarts the station in process; the simulated hardware itself keeps its state, as a
/// real charger's EV and meter register survive the controller rebooting.</summary>
internal sealed class SimulatedStationPower(SimulatorContext context) : IStationPower
{
    private readonly List<DateTimeOffset> _requests = [];
    private Func<CancellationToken, ValueTask>? _rebootHandler;

    /// <summary>Under the gate.</summary>
    internal Func<CancellationToken, ValueTask>? RebootHandler
    {
        set => _rebootHandler = value;
    }

    /// <summary>Called under the gate when a reboot is requested: the bootloader activates staged firmware.</summary>
    internal Action? OnRebootUnderGate { get; set; }

    /// <summary>Under the gate.</summary>
    internal IReadOnlyList<DateTimeOffset> RequestsUnderGate => _requests.ToArray();

    public async ValueTask RebootAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Func<CancellationToken, ValueTask>? handler;
        lock (context.Gate)
        {
            _requests.Add(context.Time.GetUtcNow());
            OnRebootUnderGate?.Invoke();
            handler = _rebootHandler;
        }

        // Outside the gate: the host's restart reads the hardware while it builds the new station.
        if (handler is not null)
        {
            await handler(cancellationToken).ConfigureAwait(false);
        }
    }
}
