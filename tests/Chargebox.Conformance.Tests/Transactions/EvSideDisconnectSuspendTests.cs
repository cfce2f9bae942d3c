using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Transactions;

/// <summary>E10: the EV disconnected on its side suspends the transaction instead of ending it (Part 6, TC_E_26,
/// TC_E_27). They apply to the reference station: TxStopPoint Authorized (C-10.2, C-52), keeps the authorization
/// (C-06.1), does not unlock (C-12.2), fixed cable (HFS-2), IEC 61851-1 Mode 3 (AQ-9). With a fixed cable,
/// disconnecting the EV is always disconnecting it on the EV side.</summary>
public sealed class EvSideDisconnectSuspendTests
{
    [Fact]
    public async Task TC_E_26_CS()
    {
        await using var sut = await StartSuspendedAsync();
        var transactionId = await StopPointTests.EnergyTransferSuspendedAsync(sut);

        // 1-4. Updated, EVCommunicationLost, Idle; the connector of the fixed cable reported Available.
        await ExpectEvLeftAsync(sut, transactionId);

        // 5-6. The EV is back before EVConnectionTimeOut: Updated, CablePluggedIn, EVConnected.
        sut.Plug();
        var back = await ExpectTransactionEventSkippingStatusAsync(sut);
        Assert.Equal(transactionId, back.TransactionInfo.TransactionId);
        Assert.Equal((TransactionEventEnumType.Updated, TriggerReasonEnumType.CablePluggedIn, ChargingStateEnumType.EVConnected), (back.EventType, back.TriggerReason, back.TransactionInfo.ChargingState));

        // 7-8. The EV draws again under the kept authorization (C-06.1): Updated, ChargingStateChanged, Charging.
        sut.Charger.SetEvCharging(StationUnderTest.EvseId, demanding: true);
        var charging = await ExpectTransactionEventSkippingStatusAsync(sut);
        Assert.Equal(transactionId, charging.TransactionInfo.TransactionId);
        Assert.Equal((TransactionEventEnumType.Updated, TriggerReasonEnumType.ChargingStateChanged, ChargingStateEnumType.Charging), (charging.EventType, charging.TriggerReason, charging.TransactionInfo.ChargingState));
        Assert.True(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_E_27_CS()
    {
        await using var sut = await StartSuspendedAsync();
        var transactionId = await StopPointTests.EnergyTransferSuspendedAsync(sut);

        // 1-4. Updated, EVCommunicationLost, Idle; Available. The station gives the EV EVConnectionTimeOut to return.
        var armed = sut.EvConnectionTimerArmed();
        await ExpectEvLeftAsync(sut, transactionId);
        await armed;

        // 5-6. The EV does not come back: EVConnectTimeout ends the transaction (TxStopPoint Authorized), Timeout.
        var framesBefore = sut.Connection.Frames.Count;
        sut.Time.Advance(TimeSpan.FromSeconds(StationUnderTest.DefaultEvConnectionTimeOut));
        var ended = await ExpectTransactionEventSkippingStatusAsync(sut);
        while (ended.TriggerReason == TriggerReasonEnumType.MeterValuePeriodic)
        {
            // The jump passes TxUpdatedInterval too: its sample comes first.
            ended = await ExpectTransactionEventSkippingStatusAsync(sut);
        }

        Assert.Equal(transactionId, ended.TransactionInfo.TransactionId);
        Assert.Equal((TransactionEventEnumType.Ended, TriggerReasonEnumType.EVConnectTimeout, ReasonEnumType.Timeout), (ended.EventType, ended.TriggerReason, ended.TransactionInfo.StoppedReason));
        Assert.False(sut.EnergyFlows);

        // The connector stays Available: no StatusNotification reports it Occupied on the way.
        await sut.AssertNotSentAsync(nameof(ConnectorStatusEnumType.Occupied), framesBefore);
    }

    // Before: TxStopPoint Authorized (not EVConnected, PowerPathClosed, EnergyTransfer); StopTxOnEVSideDisconnect
    // false; UnlockOnEVSideDisconnect false (ReadOnly on a fixed cable, C-12.2).
    private static async Task<StationUnderTest> StartSuspendedAsync()
    {
        var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "Authorized");
        await sut.ConfigureAsync("TxCtrlr", "StopTxOnEVSideDisconnect", "false");
        Assert.Equal("false", (await sut.GetVariableAsync("OCPPCommCtrlr", "UnlockOnEVSideDisconnect")).AttributeValue);
        return sut;
    }

    // Disconnect on the EV side: step 1 Updated (EVCommunicationLost, Idle), then step 3 the connector Available.
    private static async Task ExpectEvLeftAsync(StationUnderTest sut, string transactionId)
    {
        sut.Unplug();
        var lost = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.EVCommunicationLost);
        Assert.Equal((TransactionEventEnumType.Updated, ChargingStateEnumType.Idle), (lost.EventType, lost.TransactionInfo.ChargingState));
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((StationUnderTest.EvseId, StationUnderTest.ConnectorId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
        Assert.False(sut.EnergyFlows);
    }

    // The next TransactionEvent; a StatusNotification on the way (Occupied on re-plugging; optional Available
    // after the timeout, TC_E_27 step 5 note) is acknowledged.
    private static async Task<TransactionEventRequest> ExpectTransactionEventSkippingStatusAsync(StationUnderTest sut)
    {
        while (true)
        {
            var call = await sut.Connection.ExpectCallAsync(null, StationUnderTest.Timeout);
            if (call.Action == "StatusNotification")
            {
                await sut.Connection.ReplyAsync(call, new StatusNotificationResponse());
                continue;
            }

            Assert.Equal("TransactionEvent", call.Action);
            var request = System.Text.Json.JsonSerializer.Deserialize(call.Payload, Protocol.Json.OcppJsonContext.Default.TransactionEventRequest)!;
            await sut.Connection.ReplyAsync(call, new TransactionEventResponse());
            return request;
        }
    }
}
