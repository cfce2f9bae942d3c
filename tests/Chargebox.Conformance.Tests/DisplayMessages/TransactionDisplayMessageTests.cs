using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using static Chargebox.Conformance.Tests.Harness.StationUnderTest;

namespace Chargebox.Conformance.Tests.DisplayMessages;

/// <summary>O02: display messages for a specific transaction, removed when it ends (Part 6 TC_O_06, TC_O_10,
/// TC_O_27, TC_O_28, TC_O_30, TC_O_32).</summary>
public sealed class TransactionDisplayMessageTests
{
    [Fact]
    public async Task TC_O_06_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. Accepted and displayed.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(transactionId: transactionId)));
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());

        // 3-6. The transaction ends and the EV leaves: no longer displayed (O02.FR.02); 7-8. Unknown.
        await sut.EndTransactionAndLeaveAsync(transactionId);
        Assert.Empty(await sut.DisplayedAsync());
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId]));
    }

    [Fact]
    public async Task TC_O_10_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        Assert.Equal(DisplayMessageStatusEnumType.UnknownTransaction, await sut.SetDisplayMessageAsync(DisplayMessage(transactionId: "no-such-transaction")));
    }

    [Fact]
    public async Task TC_O_27_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. Accepted; not displayed before its startDateTime, displayed 60 seconds later.
        var message = DisplayMessage(transactionId: transactionId, start: sut.Time.GetUtcNow() + TimeSpan.FromSeconds(60));
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(message));
        Assert.Empty(await sut.DisplayedAsync());
        sut.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());

        // The 60 seconds also brought the periodic meter values (TxUpdatedInterval 60 s).
        await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.MeterValuePeriodic);

        // 3-6. The transaction ends: not displayed; 7-8. Unknown.
        await sut.EndTransactionAndLeaveAsync(transactionId);
        Assert.Empty(await sut.DisplayedAsync());
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId]));
    }

    [Fact]
    public async Task TC_O_28_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. Accepted and displayed; gone 60 seconds later (O02.FR.07).
        var message = DisplayMessage(transactionId: transactionId, end: sut.Time.GetUtcNow() + TimeSpan.FromSeconds(60));
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(message));
        Assert.Equal([DisplayMessageId], await sut.DisplayedAsync());
        sut.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.Empty(await sut.DisplayedAsync());

        // 3-4. Unknown.
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId]));
    }

    [Fact]
    public async Task TC_O_30_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-4. Two InFront messages for the transaction, both Accepted and displayed, the newest first.
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(transactionId: transactionId, priority: MessagePriorityEnumType.InFront)));
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(
            DisplayMessage(id: DisplayMessage2Id, transactionId: transactionId, priority: MessagePriorityEnumType.InFront, content: ConfiguredMessage + " 2")));
        Assert.Equal([DisplayMessage2Id, DisplayMessageId], await sut.DisplayedAsync());

        // 5-8 and 9-12. Each reported with the transactionId, InFront and its content.
        var first = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessageId]));
        Assert.Equal((transactionId, MessagePriorityEnumType.InFront, ConfiguredMessage), (first.TransactionId, first.Priority, first.Message.Content));
        var second = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessage2Id]));
        Assert.Equal((transactionId, MessagePriorityEnumType.InFront, ConfiguredMessage + " 2"), (second.TransactionId, second.Priority, second.Message.Content));

        // 13-16. The transaction ends: neither is displayed; 17-20. both Unknown.
        await sut.EndTransactionAndLeaveAsync(transactionId);
        Assert.Empty(await sut.DisplayedAsync());
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId]));
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessage2Id]));
    }

    [Fact]
    public async Task TC_O_32_CS()
    {
        await using var sut = await StartBootedAsync(WithDisplay());
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-4. Two AlwaysFront messages for the transaction, both Accepted: the second replaces the first (O02.FR.18).
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(DisplayMessage(transactionId: transactionId, priority: MessagePriorityEnumType.AlwaysFront)));
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await sut.SetDisplayMessageAsync(
            DisplayMessage(id: DisplayMessage2Id, transactionId: transactionId, priority: MessagePriorityEnumType.AlwaysFront, content: ConfiguredMessage + " 2")));
        Assert.Equal([DisplayMessage2Id], await sut.DisplayedAsync());

        // 5-6. Unknown.
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessageId]));

        // 7-10. The second is reported with the transactionId, AlwaysFront and its content.
        var reported = Assert.Single(await sut.ReportedDisplayMessagesAsync(ids: [DisplayMessage2Id]));
        Assert.Equal((transactionId, MessagePriorityEnumType.AlwaysFront, ConfiguredMessage + " 2"), (reported.TransactionId, reported.Priority, reported.Message.Content));

        // 11-14. The transaction ends: not displayed; 15-16. Unknown.
        await sut.EndTransactionAndLeaveAsync(transactionId);
        Assert.Empty(await sut.DisplayedAsync());
        Assert.Equal(GetDisplayMessagesStatusEnumType.Unknown, await sut.GetDisplayMessagesAsync(ids: [DisplayMessage2Id]));
    }
}
