using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>What every part of one simulated charger shares: the one lock that serialises the station's
/// loop against control-API threads, the clock, and where events go.</summary>
internal sealed class SimulatorContext(TimeProvider timeProvider)
{
    public Lock Gate { get; } = new();

    public TimeProvider Time { get; } = timeProvider;

    /// <summary>See <see cref="SimulatedChargerOptions.MeterKeyDirectory"/>.</summary>
    public string? MeterKeyDirectory { get; init; }

    /// <summary>Set under <see cref="Gate"/>; null until the station is built and attaches itself.</summary>
    public IHardwareEventSink? Sink { get; set; }

    /// <summary>Called under <see cref="Gate"/>, so events leave in the order the hardware changed. Without a
    /// sink the event is dropped: a station that attaches later reads the state through the ports, as it
    /// would after powering up next to a plugged-in EV.</summary>
    public void Post(HardwareEvent hardwareEvent) => Sink?.Post(hardwareEvent);
}
