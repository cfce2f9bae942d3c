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
internal sealed class DisplayHarness : SimulatedStationHarness
{
    public const string Identity = "CB-DISPLAY-1";

    private DisplayHarness(StationProfile profile, FakeTimeProvider time, TestCsms csms)
        : base(Identity, profile, time, csms, ReferenceCharger(time))
    {
    }

    public static async Task<DisplayHarness> StartAsync(DisplayProfile? display)
    {
        var time = NewClock();
        var csms = await TestCsms.StartAsync(new TestCsmsOptions { TimeProvider = time });
        var profile = StationProfile.Reference;
        profile.Display = display;
        var harness = new DisplayHarness(profile, time, csms);
        await harness.PowerUpAsync();
        return harness;
    }

    /// <summary>Starts the station (again) over the same store and hardware.</summary>
    public Task PowerUpAsync() => StartStationAsync();

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
}
