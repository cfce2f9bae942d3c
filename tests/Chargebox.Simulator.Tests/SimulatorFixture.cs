using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Simulator.Tests;

/// <summary>A simulated charger on fake time with a recording sink.</summary>
internal sealed class SimulatorFixture : IDisposable
{
    public SimulatorFixture(SimulatedChargerOptions? options = null)
    {
        Charger = new SimulatedCharger(options ?? SimulatedChargerOptions.Default(), Time, Sink);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public RecordingEventSink Sink { get; } = new();

    public SimulatedCharger Charger { get; }

    public static SimulatedChargerOptions OneEvse(SimulatedEvseOptions evse) => new() { Evses = [evse] };

    public void Dispose() => Charger.Dispose();
}
