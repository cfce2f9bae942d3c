using Chargebox.Protocol.Messages;
using Chargebox.Simulator;
using Chargebox.Station.Hardware;
using Chargebox.Station.Profiles;
using Chargebox.Storage;
using Chargebox.Testing.Csms;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.DisplayMessages;

/// <summary>The reference station (1 EVSE, 1 connector) with or without a display, on simulated hardware and an
/// in-memory store over a real WebSocket to the test CSMS; booted. Station, simulator and CSMS share one fake clock.</summary>
internal sealed class DisplayHarness : IAsyncDisposable
{
    public const string Identity = "CB-DISPLAY-1";

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ChargingStationOptions _options;

    private DisplayHarness(ChargingStationOptions options, FakeTimeProvider time, TestCsms csms, SimulatedCharger charger, InMemoryStationStore store)
    {
        _options = options;
        Time = time;
        Csms = csms;
        Charger = charger;
        Store = store;
    }

    public FakeTimeProvider Time { get; }

    public TestCsms Csms { get; }

    public SimulatedCharger Charger { get; }

    public InMemoryStationStore Store { get; }

    public ChargingStation Station { get; private set; } = null!;

    public TestStationConnection Connection { get; private set; } = null!;

    public static async Task<DisplayHarness> StartAsync(DisplayProfile? display)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var csms = await TestCsms.StartAsync(new TestCsmsOptions { TimeProvider = time });
        var profile = StationProfile.Reference;
        profile.Display = display;
        var charger = new SimulatedCharger(
            new SimulatedChargerOptions { Evses = [new SimulatedEvseOptions { Id = 1, Connectors = [new SimulatedConnectorOptions { Id = 1, HasLock = false }] }] },
            time);
        var options = new ChargingStationOptions
        {
            Identity = Identity,
            CsmsUrl = csms.Url,
            Profile = profile,
            TimeProvider = time,
            Random = new Random(20260301),
        };
        var harness = new DisplayHarness(options, time, csms, charger, new InMemoryStationStore());
        await harness.PowerUpAsync();
        return harness;
    }

    /// <summary>Starts the station (again) over the same store and hardware.</summary>
    public async Task PowerUpAsync()
    {
        Station = await ChargingStation.CreateAsync(_options, new StationHardware { Evses = Charger.Evses, Power = Charger.Power }, Store, CancellationToken.None);
        Charger.AttachEventSink(Station);
        Station.Start();
        Connection = await Csms.WaitForConnectionAsync(Identity, Wait);
    }

    public async Task PowerCutAsync() => await Station.DisposeAsync();

    public async Task<SetDisplayMessageResponse> SetAsync(MessageInfoType message) =>
        await Connection.CallAsync(new SetDisplayMessageRequest { Message = message }, Wait);

    public static MessageInfoType Message(int id, MessagePriorityEnumType priority = MessagePriorityEnumType.NormalCycle, DateTimeOffset? start = null, DateTimeOffset? end = null, MessageFormatEnumType format = MessageFormatEnumType.ASCII) => new()
    {
        Id = id,
        Priority = priority,
        StartDateTime = start,
        EndDateTime = end,
        Message = new MessageContentType { Format = format, Content = $"message {id}" },
    };

    public async Task<IReadOnlyList<DisplayedMessage>> DisplayedAsync() =>
        (await Station.GetStatusAsync(CancellationToken.None).WaitAsync(Wait)).Display ?? throw new InvalidOperationException("The station has no display.");

    public async Task<string?> VariableAsync(string variable)
    {
        var response = await Connection.CallAsync(
            new GetVariablesRequest { GetVariableData = [new GetVariableDataType { Component = new ComponentType { Name = "DisplayMessageCtrlr" }, Variable = new VariableType { Name = variable } }] },
            Wait);
        return response.GetVariableResult[0].AttributeValue;
    }

    public async ValueTask DisposeAsync()
    {
        await Station.DisposeAsync();
        Charger.Dispose();
        await Csms.DisposeAsync();
        await Store.DisposeAsync();
    }
}
