using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>The contactor of one EVSE and the current it offers (the PWM duty cycle of a real AC charger).
/// Every change first brings the meter up to now, so energy before the change uses the old draw.</summary>
internal sealed class SimulatedRelay(SimulatedEvse evse) : IRelay
{
    private bool _closed;
    private decimal _offeredA;

    public bool IsClosed
    {
        get
        {
            lock (evse.Context.Gate)
            {
                return _closed;
            }
        }
    }

    internal bool IsClosedUnderGate => _closed;

    /// <summary>The current offered to the EV per phase; zero while open.</summary>
    internal decimal OfferedUnderGate => _closed ? _offeredA : 0m;

    public ValueTask CloseAsync(decimal maxCurrentA, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegative(maxCurrentA);
        lock (evse.Context.Gate)
        {
            evse.IntegrateToNow();
            _closed = true;
            _offeredA = evse.ClampToRating(maxCurrentA);
            evse.ScheduleBatteryFull();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask SetOfferedCurrentAsync(decimal maxCurrentA, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfNegative(maxCurrentA);
        lock (evse.Context.Gate)
        {
            evse.IntegrateToNow();
            // Kept while open too; it only reaches the EV once the relay closes (which sets it again).
            _offeredA = evse.ClampToRating(maxCurrentA);
            evse.ScheduleBatteryFull();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (evse.Context.Gate)
        {
            evse.IntegrateToNow();
            _closed = false;
            evse.ScheduleBatteryFull();
        }

        return ValueTask.CompletedTask;
    }
}
