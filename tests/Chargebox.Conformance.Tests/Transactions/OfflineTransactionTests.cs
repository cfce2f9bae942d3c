using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Transactions;

/// <summary>E08, E11, E12 and the invalid-id stop of E06: transactions while the CSMS is unreachable, their
/// events queued and delivered in order with offline true (Part 6, TC_E_40, TC_E_43, TC_E_44, TC_E_45, TC_E_16).</summary>
public sealed class OfflineTransactionTests
{
    private const int BackOff = 25;

    [Fact]
    public async Task TC_E_40_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("SampledDataCtrlr", "Enabled", "true");
        var transactionId = await TransactionStatusTests.QueueUpdatedOfflineAsync(sut);

        // 3-4. All queued events: Updated, meter values, offline true.
        await TransactionStatusTests.ExpectOfflineUpdatesAsync(sut, transactionId);
    }

    [Fact]
    public async Task TC_E_43_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureReconnectAsync(BackOff);

        // Before: TransactionEventsInQueueEnded (OfflineTxForUnknownIdEnabled true): offline, plug in, present
        // the idToken, present it again, unplug.
        await sut.ConfigureAsync("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        await sut.GoOfflineAsync(BackOff);
        sut.Plug();
        sut.PresentCard();
        await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        sut.PresentCard();
        sut.Unplug();
        await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        await sut.ReconnectAsync(BackOff);

        // 2-3. The queue: all offline, one Started and one Ended, in seqNo order from 0.
        var events = await sut.ExpectQueueEmptiedAsync(e => e.EventType == TransactionEventEnumType.Ended);
        Assert.All(events, e => Assert.True(e.Offline));
        Assert.Single(events, e => e.EventType == TransactionEventEnumType.Started);
        Assert.Equal(Enumerable.Range(0, events.Count), events.Select(e => e.SeqNo));
        Assert.Single(events.Select(e => e.TransactionInfo.TransactionId).Distinct());
    }

    [Fact]
    public async Task TC_E_44_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureReconnectAsync(BackOff);
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1. Offline; the same idToken stops the transaction, the EV is disconnected; 2. reconnected.
        await sut.GoOfflineAsync(BackOff);
        sut.PresentCard();
        sut.Unplug();
        await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        await sut.ReconnectAsync(BackOff);

        // 3-4. All offline, one of them Ended.
        var events = await sut.ExpectQueueEmptiedAsync(e => e.EventType == TransactionEventEnumType.Ended);
        Assert.All(events, e => Assert.True(e.Offline));
        Assert.All(events, e => Assert.Equal(transactionId, e.TransactionInfo.TransactionId));
    }

    [Fact]
    public async Task TC_E_45_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureReconnectAsync(BackOff);
        var acceptedInGroup = StationUnderTest.Info(AuthorizationStatusEnumType.Accepted, StationUnderTest.GroupIdToken);

        // Before: IdTokenCached for <Configured valid idtoken fields2> with the GroupIdToken; Authorized with the
        // GroupIdToken, then EnergyTransferStarted.
        await sut.CacheIdTokenAsync(StationUnderTest.ValidIdToken2, acceptedInGroup);
        await sut.EvConnectedPreSessionAsync();
        sut.PresentCard();
        await sut.ExpectAuthorizeAsync(StationUnderTest.ValidIdToken, acceptedInGroup);
        var started = await sut.ExpectTransactionEventAsync(acceptedInGroup);
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        var transactionId = started.TransactionInfo.TransactionId;

        // 1. Offline; the second card of the same group, known from the cache, stops the transaction
        // (E08.FR.02, C09.FR.03 offline); the EV is disconnected. 2. Reconnected.
        await sut.GoOfflineAsync(BackOff);
        sut.PresentCard(StationUnderTest.ValidIdToken2);
        await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        Assert.False(sut.EnergyFlows);
        sut.Unplug();
        await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        await sut.ReconnectAsync(BackOff);

        // 3-4. All offline, one of them Ended (stopped by the card of the group).
        var events = await sut.ExpectQueueEmptiedAsync(e => e.EventType == TransactionEventEnumType.Ended);
        Assert.All(events, e => Assert.True(e.Offline));
        Assert.All(events, e => Assert.Equal(transactionId, e.TransactionInfo.TransactionId));
        Assert.Contains(events, e => e.TriggerReason == TriggerReasonEnumType.StopAuthorized);
    }

    [Fact]
    public async Task TC_E_16_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureReconnectAsync(BackOff);
        await sut.ConfigureAsync("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        await sut.ConfigureAsync("TxCtrlr", "StopTxOnInvalidId", "true");

        // Before: StartOfflineTransaction: offline, idToken presented, EV connected, then reconnected.
        await sut.GoOfflineAsync(BackOff);
        sut.PresentCard();
        await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        sut.Plug();
        await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        await sut.ReconnectAsync(BackOff);

        // 1-2. The queue (offline true), the event with the idToken answered Invalid; 3-4. the station then
        // deauthorizes: Ended, Deauthorized, DeAuthorized.
        var events = await sut.ExpectQueueEmptiedAsync(e => e.EventType == TransactionEventEnumType.Ended, AuthorizationStatusEnumType.Invalid);
        Assert.True(events[0].Offline);
        Assert.NotNull(events[0].IdToken);
        var ended = events[^1];
        Assert.Equal((TriggerReasonEnumType.Deauthorized, ReasonEnumType.DeAuthorized), (ended.TriggerReason, ended.TransactionInfo.StoppedReason));
        Assert.Null(ended.Offline);
    }
}
