using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using static Chargebox.Conformance.Tests.Harness.StationUnderTest;

namespace Chargebox.Conformance.Tests.DisplayMessages;

/// <summary>O03 and O04 GetDisplayMessages (all, or filtered by id, priority and state) and O05 ClearDisplayMessage
/// (Part 6 TC_O_02 to TC_O_05, TC_O_07 to TC_O_09, TC_O_11, TC_O_33 to TC_O_35).</summary>
public sealed class GetAndClearDisplayMessagesTests
{
    [Fact]
    public async Task TC_O_02_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage(id: DisplayMessage2Id, priority: MessagePriorityEnumType.InFront));

        // 1-4. Accepted; every message is reported under the requestId.
        var reported = await sut.ReportedDisplayMessagesAsync();
        Assert.Equal([DisplayMessageId, DisplayMessage2Id], reported.Select(m => m.Id).Order());
    }

    [Fact]
    public async Task TC_O_03_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync());
    }

    [Fact]
    public async Task TC_O_04_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage());

        // 1-2. Accepted (O05.FR.01); no longer displayed.
        var cleared = await sut.Connection.CallAsync(new ClearDisplayMessageRequest { Id = DisplayMessageId }, StationUnderTest.Timeout);
        Assert.Equal(ClearMessageStatusEnumType.Accepted, cleared.Status);
        Assert.Empty(await sut.DisplayedAsync());

        // 3-4. Unknown.
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId]));
    }

    [Fact]
    public async Task TC_O_05_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        var cleared = await sut.Connection.CallAsync(new ClearDisplayMessageRequest { Id = DisplayMessageId }, StationUnderTest.Timeout);
        Assert.Equal(ClearMessageStatusEnumType.Unknown, cleared.Status);
    }

    [Fact]
    public async Task TC_O_07_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage(id: DisplayMessage2Id));

        var reported = await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId]);
        Assert.Equal(DisplayMessageId, Assert.Single(reported).Id);
    }

    [Fact]
    public async Task TC_O_08_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage(priority: MessagePriorityEnumType.InFront));
        await sut.DisplayMessageConfiguredAsync(DisplayMessage(id: DisplayMessage2Id));

        var reported = await sut.ReportedDisplayMessagesAsync(priority: MessagePriorityEnumType.InFront);
        Assert.Equal((DisplayMessageId, MessagePriorityEnumType.InFront), (Assert.Single(reported).Id, reported[0].Priority));
    }

    [Fact]
    public async Task TC_O_09_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage(state: MessageStateEnumType.Idle));
        await sut.DisplayMessageConfiguredAsync(DisplayMessage(id: DisplayMessage2Id, state: MessageStateEnumType.Charging));

        var reported = await sut.ReportedDisplayMessagesAsync(state: MessageStateEnumType.Idle);
        Assert.Equal((DisplayMessageId, MessageStateEnumType.Idle), (Assert.Single(reported).Id, reported[0].State));
    }

    [Fact]
    public async Task TC_O_11_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage());

        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessage2Id]));
    }

    [Fact]
    public async Task TC_O_33_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId]));
    }

    [Fact]
    public async Task TC_O_34_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage(state: MessageStateEnumType.Idle));

        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId], state: MessageStateEnumType.Charging));
    }

    [Fact]
    public async Task TC_O_35_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        await sut.DisplayMessageConfiguredAsync(DisplayMessage(priority: MessagePriorityEnumType.NormalCycle));

        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId], priority: MessagePriorityEnumType.InFront));
    }
}
