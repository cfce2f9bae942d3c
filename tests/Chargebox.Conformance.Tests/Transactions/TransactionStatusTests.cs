using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Transactions;

/// <summary>E14: GetTransactionStatus (Part 6, TC_E_28 to TC_E_34). The offline cases close the connection and
/// let the station queue its periodic Updated events on fake time before it may reconnect.</summary>
public sealed class TransactionStatusTests
{
    private const int MeterInterval = 10;
    private const int BackOff = 25;

    [Fact]
    public async Task TC_E_28_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var response = await GetStatusAsync(sut, Guid.NewGuid().ToString());
        Assert.Equal((false, false), (response.OngoingIndicator, response.MessagesInQueue));
    }

    [Fact]
    public async Task TC_E_29_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await QueueUpdatedOfflineAsync(sut);

        // 3-4. At once after reconnecting: ongoing, messages in queue; 5-6. the queued Updated events.
        var response = await GetStatusAsync(sut, transactionId);
        Assert.Equal((true, true), (response.OngoingIndicator, response.MessagesInQueue));
        await ExpectOfflineUpdatesAsync(sut, transactionId);
    }

    [Fact]
    public async Task TC_E_30_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await sut.EnergyTransferStartedAsync();
        await sut.WaitForDeliveredAsync();
        var response = await GetStatusAsync(sut, transactionId);
        Assert.Equal((true, false), (response.OngoingIndicator, response.MessagesInQueue));
    }

    [Fact]
    public async Task TC_E_31_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureReconnectAsync(BackOff);
        var transactionId = await sut.EnergyTransferStartedAsync();

        // Offline: the same idToken ends the transaction (local scenario), then the EV is disconnected.
        await sut.GoOfflineAsync(BackOff);
        sut.PresentCard();
        sut.Unplug();
        await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        await sut.ReconnectAsync(BackOff);

        // 1-2. Ended but queued: not ongoing, messages in queue; 3-4. the queue: StopAuthorized ... Ended.
        var response = await GetStatusAsync(sut, transactionId);
        Assert.Equal((false, true), (response.OngoingIndicator, response.MessagesInQueue));
        var events = await sut.ExpectQueueEmptiedAsync(e => e.EventType == TransactionEventEnumType.Ended);
        Assert.All(events, e => Assert.True(e.Offline));
        Assert.Equal(TriggerReasonEnumType.StopAuthorized, events[0].TriggerReason);
        Assert.True(events[^1].TransactionInfo.StoppedReason is null or ReasonEnumType.Local);
    }

    [Fact]
    public async Task TC_E_32_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await sut.EnergyTransferStartedAsync();
        await sut.StopAuthorizedAsync(transactionId);
        await sut.EvDisconnectedAsync();
        await sut.WaitForDeliveredAsync();

        var response = await GetStatusAsync(sut, transactionId);
        Assert.Equal((false, false), (response.OngoingIndicator, response.MessagesInQueue));
    }

    [Fact]
    public async Task TC_E_33_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await QueueUpdatedOfflineAsync(sut);

        // 3-4. Without a transactionId: ongoingIndicator omitted, messages in queue; 5-6. the queued events.
        var response = await GetStatusAsync(sut, null);
        Assert.Null(response.OngoingIndicator);
        Assert.True(response.MessagesInQueue);
        await ExpectOfflineUpdatesAsync(sut, transactionId);
    }

    [Fact]
    public async Task TC_E_34_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var response = await GetStatusAsync(sut, null);
        Assert.Null(response.OngoingIndicator);
        Assert.False(response.MessagesInQueue);
    }

    /// <summary>The Before and steps 1-2 of TC_E_29/33 and TC_E_40: TxUpdatedInterval 10 s, back-off 25 s;
    /// EnergyTransferStarted; the CSMS closes the connection; two periodic Updated events are queued offline;
    /// the station reconnects. Returns the transactionId.</summary>
    internal static async Task<string> QueueUpdatedOfflineAsync(StationUnderTest sut)
    {
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", $"{MeterInterval}");
        await sut.ConfigureReconnectAsync(BackOff);
        var transactionId = await sut.EnergyTransferStartedAsync();
        await sut.GoOfflineAsync(BackOff);
        for (var elapsed = 0; elapsed < BackOff; elapsed += 5)
        {
            sut.Time.Advance(TimeSpan.FromSeconds(5));
            await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        }

        await sut.NextConnectionAsync();
        return transactionId;
    }

    /// <summary>TC_E_29 step 5 / TC_E_40 step 3: every queued event is Updated, has meter values, offline true.</summary>
    internal static async Task ExpectOfflineUpdatesAsync(StationUnderTest sut, string transactionId)
    {
        var expected = BackOff / MeterInterval;
        var seen = 0;
        var events = await sut.ExpectQueueEmptiedAsync(_ => ++seen == expected);
        Assert.All(events, e =>
        {
            Assert.Equal(transactionId, e.TransactionInfo.TransactionId);
            Assert.Equal((TransactionEventEnumType.Updated, TriggerReasonEnumType.MeterValuePeriodic, true), (e.EventType, e.TriggerReason, e.Offline));
            Assert.NotEmpty(e.MeterValue ?? []);
        });
    }

    private static Task<GetTransactionStatusResponse> GetStatusAsync(StationUnderTest sut, string? transactionId) =>
        sut.Connection.CallAsync(new GetTransactionStatusRequest { TransactionId = transactionId }, StationUnderTest.Timeout);
}
