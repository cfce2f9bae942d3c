using Chargebox.Protocol.Messages;
using Chargebox.Simulator;
using Chargebox.Station;
using Chargebox.Station.Storage;
using Chargebox.Storage;
using Chargebox.Testing.Csms;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The system under test of Part 6: the reference station (simulated charger, store, ChargingStation)
/// connected over a real WebSocket with security profile 1 to the test CSMS playing the OCTT. The station runs
/// on fake time; waits for socket events are wall-clock and bounded. Every message the station sent is checked
/// against the official schemas when the test ends.</summary>
internal sealed partial class StationUnderTest : IAsyncDisposable
{
    public const string Identity = "CB-CONF-001";

    /// <summary>Upper bound for anything that crosses the socket; a passing test never waits this long.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private const string Password = "conformance-Passw0rd-16";
    private readonly List<TestStationConnection> _connections = [];
    private readonly Lock _gate = new();
    private Task _restarting = Task.CompletedTask;

    private StationUnderTest(TestCsms csms, ObservedTime time, IStationStore store, StationUnderTestSetup setup)
    {
        Setup = setup;
        Csms = csms;
        Time = time;
        Store = store;
        Network = new CsmsNetwork(time);
        Charger = new SimulatedCharger(ReferenceHardware, time);
        Charger.AttachRebootHandler(OnRebootRequested);
    }

    /// <summary>The reference station of PICS.md: one EVSE with one connector on a fixed cable.</summary>
    public static SimulatedChargerOptions ReferenceHardware { get; } = new()
    {
        Evses = [new SimulatedEvseOptions { Id = 1, Connectors = [new SimulatedConnectorOptions { Id = 1, HasLock = false }] }],
    };

    /// <summary>The test case's &lt;Configured evseId&gt; and &lt;Configured connectorId&gt;.</summary>
    public static int EvseId => 1;

    public static int ConnectorId => 1;

    public TestCsms Csms { get; }

    /// <summary>How this test case's station and CSMS differ from the default (security profile 1, ws).</summary>
    public StationUnderTestSetup Setup { get; }

    public ObservedTime Time { get; }

    public IStationStore Store { get; }

    public CsmsNetwork Network { get; }

    public SimulatedCharger Charger { get; }

    public ChargingStation Station { get; private set; } = null!;

    /// <summary>The CSMS end of the station's current connection.</summary>
    public TestStationConnection Connection { get; private set; } = null!;

    /// <summary>Starts the CSMS and the station (power-up) and takes its first connection; the station has
    /// not booted yet: the test answers the BootNotification (or calls <see cref="BootedAsync"/>).</summary>
    public static async Task<StationUnderTest> StartAsync(StationUnderTestSetup? setup = null)
    {
        setup ??= new StationUnderTestSetup();
        var time = new ObservedTime(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var csms = await TestCsms.StartAsync(setup.Csms(new TestCsmsOptions
        {
            BasicAuthPassword = Password,
            TimeProvider = time,
            AutoReplies = AutoRepliesWithoutBoot(),
        }));
        var sut = new StationUnderTest(csms, time, new InMemoryStationStore(), setup);
        await sut.PowerUpAsync(BootReasonEnumType.PowerUp);
        await sut.NextConnectionAsync();
        return sut;
    }

    /// <summary>The General pre-conditions of Part 6: started, Accepted, every connector reported Available.</summary>
    public static async Task<StationUnderTest> StartBootedAsync(StationUnderTestSetup? setup = null)
    {
        var sut = await StartAsync(setup);
        await sut.AcceptBootAsync();
        return sut;
    }

    /// <summary>Waits for the station's next WebSocket connection and makes it <see cref="Connection"/>.</summary>
    public async Task<TestStationConnection> NextConnectionAsync()
    {
        var connection = await Csms.WaitForConnectionAsync(Identity, Timeout);
        lock (_gate)
        {
            _connections.Add(connection);
        }

        Connection = connection;
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await _restarting.WaitAsync(Timeout);
        await Station.DisposeAsync();
        await Csms.DisposeAsync();
        Charger.Dispose();
        await Store.DisposeAsync();
        await SentMessages.AssertSchemaValidAsync(AllConnections());
    }

    /// <summary>Every connection the station made so far, oldest first.</summary>
    public IReadOnlyList<TestStationConnection> AllConnections()
    {
        lock (_gate)
        {
            return [.. _connections];
        }
    }

    // The OCTT answers BootNotification itself in every test case; heartbeats and status notifications are
    // acknowledged automatically so a test only takes the messages its steps name.
    private static Dictionary<string, Func<OcppCall, TimeProvider, System.Text.Json.Nodes.JsonNode>> AutoRepliesWithoutBoot()
    {
        var replies = AutoReplies.CreateDefaults();
        replies.Remove("BootNotification");
        replies.Remove("StatusNotification");
        return replies;
    }

    private async Task PowerUpAsync(BootReasonEnumType reason)
    {
        Station = await ChargingStation.CreateAsync(
            Setup.Station(new ChargingStationOptions
            {
                Identity = Identity,
                CsmsUrl = Csms.Url,
                SecurityProfile = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication,
                BasicAuthPassword = Password,
                BootReason = reason,
                TimeProvider = Time,
                Random = new Random(2001),
                Connector = Network,
            }),
            new Station.Hardware.StationHardware { Evses = Charger.Evses, Power = Charger.Power, FirmwareInstaller = Charger.Firmware },
            Store,
            CancellationToken.None);
        Charger.AttachEventSink(Station);
        Station.Start();
    }
}
