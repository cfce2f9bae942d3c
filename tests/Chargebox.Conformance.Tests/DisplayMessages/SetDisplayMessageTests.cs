using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using static Chargebox.Conformance.Tests.Harness.StationUnderTest;

namespace Chargebox.Conformance.Tests.DisplayMessages;

/// <summary>O01 SetDisplayMessage, O06 replacing a message, and the priorities and states that decide what the
/// display shows (Part 6 TC_O_01, TC_O_12 to TC_O_14, TC_O_17 to TC_O_20, TC_O_22, TC_O_24, TC_O_36 to TC_O_38), on
/// the reference station with a display in its profile.</summary>
public sealed class SetDisplayMessageTests
{
    [Fact]
    public async Task TC_O_01_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        // 1-2. Accepted, and the message is displayed.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage()));
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());

        // 3-6. Reported with the requestId, id, priority, format and content that were set.
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId]));
        Assert.Equal(
            (DisplayMessageId, MessagePriorityEnumType.NormalCycle, MessageFormatEnumType.ASCII, ConfiguredMessage),
            (reported.Id, reported.Priority, reported.Message.Format, reported.Message.Content));
    }

    [Fact]
    public async Task TC_O_12_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage());

        // 1-2. The same id again: Accepted, and the new message replaces the old one (O06.FR.01).
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(content: "Replaced", priority: MessagePriorityEnumType.InFront)));
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync());
        Assert.Equal((DisplayMessageId, "Replaced", MessagePriorityEnumType.InFront), (reported.Id, reported.Message.Content, reported.Priority));
    }

    [Fact]
    public async Task TC_O_13_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        var start = sut.Time.GetUtcNow() + TimeSpan.FromSeconds(60);

        // 1-2. Accepted; not displayed before its startDateTime.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(start: start)));
        Assert.Empty(await sut.DisplayedAsync());

        // 3-6. Reported with its startDateTime.
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId]));
        Assert.Equal(start, reported.StartDateTime);

        // After 60 seconds it is displayed.
        sut.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());
    }

    [Fact]
    public async Task TC_O_14_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        var end = sut.Time.GetUtcNow() + TimeSpan.FromSeconds(60);

        // 1-2. Accepted and displayed.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(end: end)));
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());

        // 3-6. Reported with its endDateTime.
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId]));
        Assert.Equal(end, reported.EndDateTime);

        // 60 seconds later it is removed (O01.FR.07): 7-8. Unknown.
        sut.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Empty(await sut.DisplayedAsync());
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId]));
    }

    [Fact]
    public async Task TC_O_17_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay(priorities: ["InFront", "NormalCycle"]));

        Assert.Equal(DisplayMessageStatusEnumType.NotSupportedPriority, await sut.SetDisplayMessageAsync(DisplayMessage(priority: MessagePriorityEnumType.AlwaysFront)));
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync());
    }

    [Fact]
    public async Task TC_O_18_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay(states: ["Charging", "Idle", "Unavailable"]));

        Assert.Equal(DisplayMessageStatusEnumType.NotSupportedState, await sut.SetDisplayMessageAsync(DisplayMessage(state: MessageStateEnumType.Faulted)));
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync());
    }

    [Fact]
    public async Task TC_O_19_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay(formats: ["ASCII", "UTF8"]));

        Assert.Equal(DisplayMessageStatusEnumType.NotSupportedMessageFormat, await sut.SetDisplayMessageAsync(DisplayMessage(format: MessageFormatEnumType.HTML)));
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync());
    }

    [Fact]
    public async Task TC_O_20_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        // 1-2. Accepted.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage()));

        // 3. Booted: the station is power-cycled.
        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();

        // 4-7. The message survived the reboot (O01.FR.10) and is displayed again.
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId]));
        Assert.Equal(
            (DisplayMessageId, MessagePriorityEnumType.NormalCycle, MessageFormatEnumType.ASCII, ConfiguredMessage),
            (reported.Id, reported.Priority, reported.Message.Format, reported.Message.Content));
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());
    }

    [Fact]
    public async Task TC_O_22_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage(id: 5, content: "Normal"));

        // 1-4. Two InFront messages, both Accepted; both are shown in front of the normal cycle, the newest first.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(priority: MessagePriorityEnumType.InFront)));
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(id: DisplayMessage2Id, priority: MessagePriorityEnumType.InFront, content: ConfiguredMessage + " 2")));
        Assert.Equal([DisplayMessage2Id, DisplayMessageId, 5], await sut.DisplayedAsync());

        // 5-12. Each is reported.
        Assert.Equal(DisplayMessageId, Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId])).Id);
        Assert.Equal(DisplayMessage2Id, Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessage2Id])).Id);
    }

    [Fact]
    public async Task TC_O_24_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        // 1-4. Two AlwaysFront messages, both Accepted: the second replaces the first (O01.FR.16).
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(priority: MessagePriorityEnumType.AlwaysFront)));
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(id: DisplayMessage2Id, priority: MessagePriorityEnumType.AlwaysFront, content: ConfiguredMessage + " 2")));
        Assert.Equal([DisplayMessage2Id], await sut.DisplayedAsync());

        // 5-6. The first is gone: Unknown.
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId]));

        // 7-10. The second is reported.
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessage2Id]));
        Assert.Equal((DisplayMessage2Id, MessagePriorityEnumType.AlwaysFront), (reported.Id, reported.Priority));
    }

    [Fact]
    public async Task TC_O_36_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        // 1-2. Accepted; the station is idle, so the message is not displayed.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(state: MessageStateEnumType.Charging)));
        Assert.Empty(await sut.DisplayedAsync());

        // 3-6. While charging it is displayed.
        var transactionId = await sut.EnergyTransferStartedAsync();
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());

        // 7-10. Once the EV has left it is not.
        await sut.EndTransactionAndLeaveAsync(transactionId);
        Assert.Empty(await sut.DisplayedAsync());

        // 11-14. Reported with state Charging.
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId]));
        Assert.Equal(MessageStateEnumType.Charging, reported.State);
    }

    [Fact]
    public async Task TC_O_37_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        // 1-2. Accepted and displayed while idle.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(state: MessageStateEnumType.Idle)));
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());

        // 3-6. Not displayed while charging.
        var transactionId = await sut.EnergyTransferStartedAsync();
        Assert.Empty(await sut.DisplayedAsync());

        // 7-10. Displayed again once the EV has left.
        await sut.EndTransactionAndLeaveAsync(transactionId);
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());

        // 11-14. Reported with state Idle.
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId]));
        Assert.Equal(MessageStateEnumType.Idle, reported.State);
    }

    [Fact]
    public async Task TC_O_38_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        // 1-2. Accepted; not displayed while available.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(state: MessageStateEnumType.Unavailable)));
        Assert.Empty(await sut.DisplayedAsync());

        // 3. Unavailable: displayed.
        await sut.UnavailableAsync();
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());

        // 4-7. Operative again: the connector reported Available; not displayed.
        var operative = await sut.Connection.CallAsync(ChangeAvailability(OperationalStatusEnumType.Operative), StationUnderTest.Timeout);
        Assert.Equal(ChangeAvailabilityStatusEnumType.Accepted, operative.Status);
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((EvseId, ConnectorId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
        Assert.Empty(await sut.DisplayedAsync());

        // 8-11. Reported with state Unavailable.
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId]));
        Assert.Equal(MessageStateEnumType.Unavailable, reported.State);
    }
}
