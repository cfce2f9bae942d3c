using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>The energy meter of one EVSE. Nothing ticks: a reading integrates the draw since the last
/// change up to now on the TimeProvider, so an idle simulated charger costs no CPU.</summary>
internal sealed class SimulatedMeter(SimulatedEvse evse) : IEnergyMeter
{
    public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (evse.Context.Gate)
        {
            evse.IntegrateToNow();
            evse.ScheduleBatteryFull();
            return ValueTask.FromResult(evse.ReadUnderGate());
        }
    }
}
