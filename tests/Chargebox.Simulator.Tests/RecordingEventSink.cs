using System.Collections.Concurrent;
using Chargebox.Station.Hardware;

namespace Chargebox.Simulator.Tests;

/// <summary>Keeps every posted event, in order, for assertions.</summary>
internal sealed class RecordingEventSink : IHardwareEventSink
{
    private readonly ConcurrentQueue<HardwareEvent> _events = new();

    public IReadOnlyList<HardwareEvent> Events => _events.ToArray();

    public void Post(HardwareEvent hardwareEvent) => _events.Enqueue(hardwareEvent);
}
