using Chargebox.Protocol.Messages;
using Chargebox.Station.Profiles;
using static Chargebox.Station.Tests.SimulatedStationHarness;
using static Chargebox.Station.Tests.DisplayMessages.DisplayHarness;

namespace Chargebox.Station.Tests.DisplayMessages;

public sealed class DisplayMessageBlockTests
{
    [Fact]
    public async Task A_station_without_a_display_answers_SetDisplayMessage_with_CALLERROR_NotSupported()
    {
        await using var h = await StartAsync(display: null);

        var outcome = await h.Connection.CallAsync(
            "SetDisplayMessage",
            new { message = new { id = 1, priority = "NormalCycle", message = new { format = "ASCII", content = "hi" } } },
            Wait);

        Assert.Equal("NotSupported", outcome.ErrorCode);
        Assert.Null((await h.Station.GetStatusAsync(CancellationToken.None)).Display);
    }

    [Fact]
    public async Task A_full_display_rejects_a_new_message_but_takes_a_replacement_and_counts_its_messages()
    {
        await using var h = await StartAsync(new DisplayProfile { MaxMessages = 2 });
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, (await h.SetAsync(Message(1))).Status);
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, (await h.SetAsync(Message(2))).Status);

        var full = await h.SetAsync(Message(3));
        Assert.Equal((DisplayMessageStatusEnumType.Rejected, "OutOfStorage"), (full.Status, full.StatusInfo?.ReasonCode));
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, (await h.SetAsync(Message(2, MessagePriorityEnumType.InFront))).Status);
        Assert.Equal("2", await h.VariableAsync("DisplayMessages"));
    }

    [Fact]
    public async Task A_message_whose_endDateTime_has_passed_or_precedes_its_start_is_rejected()
    {
        await using var h = await StartAsync(new DisplayProfile());
        var now = h.Time.GetUtcNow();

        Assert.Equal(DisplayMessageStatusEnumType.Rejected, (await h.SetAsync(Message(1, end: now))).Status);
        Assert.Equal(DisplayMessageStatusEnumType.Rejected, (await h.SetAsync(Message(2, start: now.AddMinutes(10), end: now.AddMinutes(5)))).Status);
        Assert.Equal("0", await h.VariableAsync("DisplayMessages"));
    }

    [Fact]
    public async Task A_disabled_display_rejects_messages()
    {
        await using var h = await StartAsync(new DisplayProfile());
        var set = await h.Connection.CallAsync(
            new SetVariablesRequest { SetVariableData = [new SetVariableDataType { Component = new ComponentType { Name = "DisplayMessageCtrlr" }, Variable = new VariableType { Name = "Enabled" }, AttributeValue = "false" }] },
            Wait);
        Assert.Equal(SetVariableStatusEnumType.Accepted, set.SetVariableResult[0].AttributeStatus);

        Assert.Equal(DisplayMessageStatusEnumType.Rejected, (await h.SetAsync(Message(1))).Status);
    }

    [Fact]
    public async Task AlwaysFront_hides_the_others_InFront_goes_before_NormalCycle()
    {
        await using var h = await StartAsync(new DisplayProfile());
        await h.SetAsync(Message(1));
        await h.SetAsync(Message(2, MessagePriorityEnumType.InFront));
        await h.SetAsync(Message(3));
        Assert.Equal([2, 1, 3], (await h.DisplayedAsync()).Select(m => m.Id));

        await h.SetAsync(Message(4, MessagePriorityEnumType.AlwaysFront));
        var shown = Assert.Single(await h.DisplayedAsync());
        Assert.Equal((4, MessagePriorityEnumType.AlwaysFront, "message 4"), (shown.Id, shown.Priority, shown.Content));
    }

    [Fact]
    public async Task O01_FR_10_messages_survive_a_power_cut_but_one_that_expired_meanwhile_does_not()
    {
        await using var h = await StartAsync(new DisplayProfile());
        var now = h.Time.GetUtcNow();
        await h.SetAsync(Message(1));
        await h.SetAsync(Message(2, end: now.AddMinutes(5)));
        await h.PowerCutAsync();

        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.PowerUpAsync();

        Assert.Equal([1], (await h.DisplayedAsync()).Select(m => m.Id));
        Assert.Equal([1], (await h.Store.DisplayMessages.LoadAsync(CancellationToken.None)).Select(m => m.Id));
        Assert.Equal("1", await h.VariableAsync("DisplayMessages"));
    }
}
