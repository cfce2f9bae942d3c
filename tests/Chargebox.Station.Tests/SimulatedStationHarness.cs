using Chargebox.Simulator;
using Chargebox.Station.Hardware;
using Chargebox.Station.Profiles;
using Chargebox.Storage;
using Chargebox.Testing.Csms;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests;

/// <summary>What every station-level harness is made of: a station on simulated hardware and an in-memory store,
/// connected over a real WebSocket to the test CSMS, with station, simulator and CSMS on one fake clock (timers
/// move only when a test advances it). A power cut disposes the station; powering up builds a new one over the
/// same store and hardware, as a charger's controller restarts next to its memory and its cables.</summary>
internal abstract class SimulatedStationHarness : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ChargingStationOptions _options;

    protected SimulatedStationHarness(string identity, StationProfile profile, FakeTimeProvider time, TestCsms csms, SimulatedCharger charger)
    {
        _options = new ChargingStationOptions
        {
            Identity = identity,
            CsmsUrl = csms.Url,
            Profile = profile,
            TimeProvider = time,
            Random = new Random(20260301),
        };
        Time = time;
        Csms = csms;
        Charger = charger;
    }

    public FakeTimeProvider Time { get; }

    public TestCsms Csms { get; }

    public SimulatedCharger Charger { get; }

    public InMemoryStationStore Store { get; } = new();

    public ChargingStation Station { get; private set; } = null!;

    public TestStationConnection Connection { get; protected set; } = null!;

    /// <summary>The clock every harness starts on.</summary>
    protected static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The reference station's hardware: one EVSE with one connector, no lock.</summary>
    protected static SimulatedCharger ReferenceCharger(TimeProvider time) => new(
        new SimulatedChargerOptions { Evses = [new SimulatedEvseOptions { Id = 1, Connectors = [new SimulatedConnectorOptions { Id = 1, HasLock = false }] }] },
        time);

    /// <summary>Builds and starts a station over the store and hardware; returns once it connected.</summary>
    protected async Task<TestStationConnection> StartStationAsync()
    {
        Station = await ChargingStation.CreateAsync(_options, new StationHardware { Evses = Charger.Evses, Power = Charger.Power }, Store, CancellationToken.None);
        Charger.AttachEventSink(Station);
        Station.Start();
        Connection = await Csms.WaitForConnectionAsync(_options.Identity, Wait);
        return Connection;
    }

    /// <summary>The station stops without warning; the store and the hardware keep their state.</summary>
    public async Task PowerCutAsync() => await Station.DisposeAsync();

    /// <summary>Lets the loop finish what is queued: a status read goes through the same inbox.</summary>
    public Task<StationStatus> StatusAsync() => Station.GetStatusAsync(CancellationToken.None).WaitAsync(Wait);

    public async ValueTask DisposeAsync()
    {
        await Station.DisposeAsync();
        Charger.Dispose();
        await Csms.DisposeAsync();
        await Store.DisposeAsync();
    }
}
