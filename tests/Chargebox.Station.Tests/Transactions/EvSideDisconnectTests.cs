using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Tests.Transactions;

/// <summary>E10 with StopTxOnEVSideDisconnect false and TxStopPoint Authorized: an EV disconnected on its side
/// suspends the transaction; the connector is Available meanwhile; the EV has EVConnectionTimeOut to return.</summary>
public sealed class EvSideDisconnectTests
{
    [Fact]
    public async Task E10_FR_01_EvSideDisconnect_SuspendsTheTransaction_ConnectorAvailable_ReplugResumes()
    {
        await using var h = await StartChargingAsync();
        var transactionId = (await h.StatusAsync()).Evses[0].Transaction!.TransactionId;

        h.Charger.Unplug(1);
        var (_, lost) = await h.ExpectTransactionEventAsync();
        Assert.Equal((TransactionEventEnumType.Updated, TriggerReasonEnumType.EVCommunicationLost, ChargingStateEnumType.Idle), (lost.EventType, lost.TriggerReason, lost.TransactionInfo.ChargingState));
        var status = await h.StatusAsync();
        Assert.Equal(transactionId, status.Evses[0].Transaction?.TransactionId);
        Assert.Equal(ConnectorStatusEnumType.Available, status.Evses[0].Connectors[0].Status);
        Assert.False(h.Charger.GetStatus(1).RelayClosed);

        h.Charger.Plug(1);
        var (_, back) = await h.ExpectTransactionEventAsync();
        Assert.Equal((TransactionEventEnumType.Updated, TriggerReasonEnumType.CablePluggedIn, ChargingStateEnumType.EVConnected), (back.EventType, back.TriggerReason, back.TransactionInfo.ChargingState));
        Assert.Equal(transactionId, back.TransactionInfo.TransactionId);
        status = await h.StatusAsync();
        Assert.Equal(ConnectorStatusEnumType.Occupied, status.Evses[0].Connectors[0].Status);
    }

    [Fact]
    public async Task E10_FR_02_EvNotBackWithinEVConnectionTimeOut_EndsWithEVConnectTimeout_ConnectorStaysAvailable()
    {
        await using var h = await StartChargingAsync();
        h.Charger.Unplug(1);
        await h.ExpectTransactionEventAsync();
        await h.SettleAsync();
        var framesBefore = h.Connection.Frames.Count;

        var (_, ended) = await h.AdvanceUntilAsync(h.ExpectTransactionEventAsync(), TimeSpan.FromSeconds(5));
        Assert.Equal((TransactionEventEnumType.Ended, TriggerReasonEnumType.EVConnectTimeout, ReasonEnumType.Timeout), (ended.EventType, ended.TriggerReason, ended.TransactionInfo.StoppedReason));

        var status = await h.StatusAsync();
        Assert.Null(status.Evses[0].Transaction);
        Assert.Equal(ConnectorStatusEnumType.Available, status.Evses[0].Connectors[0].Status);
        Assert.DoesNotContain(h.Connection.Frames.Skip(framesBefore), f => f.Text.Contains("\"Occupied\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task E10_EvBackAfterTimeoutWasStopped_NoLateTimeout()
    {
        await using var h = await StartChargingAsync();
        h.Charger.Unplug(1);
        await h.ExpectTransactionEventAsync();
        h.Charger.Plug(1);
        await h.ExpectTransactionEventAsync();
        await h.SettleAsync();

        // Past EVConnectionTimeOut (45 s) the transaction still runs: the timer stopped when the EV came back.
        for (var i = 0; i < 10; i++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(5));
            await h.StatusAsync();
        }

        Assert.NotNull((await h.StatusAsync()).Evses[0].Transaction);
    }

    // TxStopPoint Authorized, StopTxOnEVSideDisconnect false, EVConnectionTimeOut 45 s (before the 60 s meter
    // values): plugged, authorized, Started and charging.
    private static async Task<StationHarness> StartChargingAsync()
    {
        var h = await StationHarness.StartAsync(
            ("TxCtrlr", "TxStopPoint", "Authorized"),
            ("TxCtrlr", "StopTxOnEVSideDisconnect", "false"),
            ("TxCtrlr", "EVConnectionTimeOut", "45"));
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        var (_, started) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        return h;
    }
}
