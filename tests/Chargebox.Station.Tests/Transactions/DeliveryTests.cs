using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;

namespace Chargebox.Station.Tests.Transactions;

/// <summary>TransactionEvent delivery through the persistent queue (E04, E13, TC_E_41_CS).</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task E04_OfflineTransaction_DeliveredInOrderWithOfflineFlagAfterReconnect()
    {
        await using var h = await StationHarness.StartAsync(("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true"));
        await h.GoOfflineAsync();

        h.Charger.Plug(1);
        h.Charger.PresentToken(StationHarness.Card);
        await h.StatusAsync();
        h.Charger.Unplug(1);
        await h.StatusAsync();
        // Only the transaction's events: a security event of the lost connection may be queued beside them (A04).
        Assert.Equal(2, (await h.Store.MessageQueue.LoadAsync(CancellationToken.None)).Count(m => m.Action == "TransactionEvent"));

        await h.ReconnectAsync();
        var (_, started) = await h.ExpectTransactionEventAsync();
        var (_, ended) = await h.ExpectTransactionEventAsync();

        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal([0, 1], new[] { started.SeqNo, ended.SeqNo });
        Assert.True(started.Offline);
        Assert.True(ended.Offline);
        Assert.Equal(ReasonEnumType.EVDisconnected, ended.TransactionInfo.StoppedReason);
        Assert.DoesNotContain(h.Connection.Frames, f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));

        await h.SettleAsync();
        Assert.DoesNotContain(await h.Store.MessageQueue.LoadAsync(CancellationToken.None), m => m.Action == "TransactionEvent");
    }

    [Fact]
    public async Task E04_UnknownCardOffline_WithoutOfflineTxForUnknownId_StartsNothing()
    {
        await using var h = await StationHarness.StartAsync();
        await h.GoOfflineAsync();

        h.Charger.Plug(1);
        h.Charger.PresentToken(StationHarness.Card);
        var status = await h.StatusAsync();

        Assert.Null(status.Evses[0].Transaction);
        Assert.False(h.Charger.GetStatus(1).RelayClosed);
    }

    [Fact]
    public async Task TC_E_41_CallError_RetriedAtIncreasingIntervalsThenDroppedAfterMessageAttempts()
    {
        await using var h = await StationHarness.StartAsync(("SampledDataCtrlr", "TxUpdatedInterval", "3600"));
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();

        // MessageAttemptsTransactionEvent 3, MessageAttemptIntervalTransactionEvent 30 s (reference station):
        // the retry after attempt n waits 30 s × n. The clock moves only while the loop is idle (SettleAsync), so
        // the test sees the exact second of each retry however slow the machine.
        var call = await h.Connection.ExpectCallAsync<TransactionEventRequest>(StationHarness.Wait);
        var transactionId = call.Request.TransactionInfo.TransactionId;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal((transactionId, 0), (call.Request.TransactionInfo.TransactionId, call.Request.SeqNo));
            await h.Connection.ReplyErrorAsync(call, "InternalError", "CSMS failure");
            await h.SettleAsync();
            if (attempt == 3)
            {
                break;
            }

            var wait = TimeSpan.FromSeconds(30 * attempt);
            h.Time.Advance(wait - TimeSpan.FromSeconds(1));
            await h.SettleAsync();
            Assert.Equal(attempt, TransactionEventsSent(h));

            h.Time.Advance(TimeSpan.FromSeconds(1));
            call = await h.Connection.ExpectCallAsync<TransactionEventRequest>(StationHarness.Wait);
        }

        // Dropped: the next event of the transaction goes out and the failed one never comes back.
        await h.SettleAsync();
        h.Charger.Unplug(1);
        var (_, ended) = await h.ExpectTransactionEventAsync();
        Assert.Equal(1, ended.SeqNo);
        await h.SettleAsync();
        h.Time.Advance(TimeSpan.FromSeconds(120));
        await h.SettleAsync();
        Assert.Equal(4, TransactionEventsSent(h));
        Assert.Empty((await h.Store.MessageQueue.LoadAsync(CancellationToken.None)).Select(m => System.Text.Encoding.UTF8.GetString(m.Payload.Span)));
    }

    private static int TransactionEventsSent(StationHarness h) =>
        h.Connection.Frames.Count(f => f.Direction == FrameDirection.FromStation && f.Text.Contains("\"TransactionEvent\"", StringComparison.Ordinal));

    [Fact]
    public async Task E13_LaterEventWaitsBehindUnansweredEarlierOne()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        var started = await h.Connection.ExpectCallAsync<TransactionEventRequest>(StationHarness.Wait);

        h.Charger.SetEvCharging(1, false);
        await h.StatusAsync();
        Assert.Equal(1, h.Connection.Frames.Count(f => f.Direction == FrameDirection.FromStation && f.Text.Contains("\"TransactionEvent\"", StringComparison.Ordinal)));

        await h.Connection.ReplyAsync(started, new TransactionEventResponse());
        var (_, updated) = await h.ExpectTransactionEventAsync();
        Assert.Equal(1, updated.SeqNo);
        Assert.Equal(ChargingStateEnumType.SuspendedEV, updated.TransactionInfo.ChargingState);
    }

    [Fact]
    public async Task E14_GetTransactionStatus_OngoingAndMessagesInQueue()
    {
        await using var h = await StationHarness.StartAsync();
        var idle = await h.Connection.CallAsync(new GetTransactionStatusRequest(), StationHarness.Wait);
        Assert.False(idle.MessagesInQueue);
        Assert.Null(idle.OngoingIndicator);

        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        var started = await h.Connection.ExpectCallAsync<TransactionEventRequest>(StationHarness.Wait);
        var id = started.Request.TransactionInfo.TransactionId;

        // The Started event is outstanding: it is still in the queue.
        var waiting = await h.Connection.CallAsync(new GetTransactionStatusRequest { TransactionId = id }, StationHarness.Wait);
        Assert.True(waiting.OngoingIndicator);
        Assert.True(waiting.MessagesInQueue);

        await h.Connection.ReplyAsync(started, new TransactionEventResponse());
        await h.SettleAsync();
        var delivered = await h.Connection.CallAsync(new GetTransactionStatusRequest { TransactionId = id }, StationHarness.Wait);
        Assert.True(delivered.OngoingIndicator);
        Assert.False(delivered.MessagesInQueue);

        var unknown = await h.Connection.CallAsync(new GetTransactionStatusRequest { TransactionId = "other" }, StationHarness.Wait);
        Assert.False(unknown.OngoingIndicator);
    }

    [Fact]
    public async Task E01_PowerCut_RunningTransactionEndedWithPowerLossContinuingItsSeqNo()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        var (_, started) = await h.ExpectTransactionEventAsync();
        h.Charger.SetEvCharging(1, false);
        await h.ExpectTransactionEventAsync();
        await h.SettleAsync();

        await h.PowerCycleAsync();
        var (_, ended) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(started.TransactionInfo.TransactionId, ended.TransactionInfo.TransactionId);
        Assert.Equal(2, ended.SeqNo);
        Assert.Equal(ReasonEnumType.PowerLoss, ended.TransactionInfo.StoppedReason);
        Assert.Equal(TriggerReasonEnumType.AbnormalCondition, ended.TriggerReason);
        Assert.False(h.Charger.GetStatus(1).RelayClosed);
        await h.SettleAsync();
        Assert.Empty(await h.Store.Transactions.LoadAsync(CancellationToken.None));
        Assert.Null((await h.StatusAsync()).Evses[0].Transaction);
    }

    [Fact]
    public async Task E01_PowerCutBetweenQueuingEndedAndForgettingTheTransaction_EndedSentOnce()
    {
        // Found by the fault test: a kill between the two writes left both the queued Ended and the stored
        // transaction, and the next boot ended the transaction a second time with the same seqNo.
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        var (_, started) = await h.ExpectTransactionEventAsync();
        await h.SettleAsync();
        var running = Assert.Single(await h.Store.Transactions.LoadAsync(CancellationToken.None));

        await h.GoOfflineAsync();
        h.Charger.Unplug(1);
        await h.StatusAsync();
        await h.Store.Transactions.SaveAsync(running with { NextSeqNo = running.NextSeqNo + 1 }, CancellationToken.None);

        await h.PowerCycleAsync();
        var (_, ended) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(started.TransactionInfo.TransactionId, ended.TransactionInfo.TransactionId);
        Assert.Equal(ReasonEnumType.EVDisconnected, ended.TransactionInfo.StoppedReason);
        await h.SettleAsync();
        Assert.Single(h.Connection.Frames, f => f.Direction == FrameDirection.FromStation && f.Text.Contains("\"TransactionEvent\"", StringComparison.Ordinal));
        Assert.Empty(await h.Store.MessageQueue.LoadAsync(CancellationToken.None));
        Assert.Empty(await h.Store.Transactions.LoadAsync(CancellationToken.None));
    }
}
