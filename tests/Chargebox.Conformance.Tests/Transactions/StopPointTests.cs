using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Transactions;

/// <summary>E06: TxStopPoint options and how the transaction ends (Part 6, TC_E_07, 35, 37, 08, 22, 20, 15, 21, 17, 25).
/// The reference station has a fixed cable: disconnecting the EV is always disconnecting it on the EV side.</summary>
public sealed class StopPointTests
{
    [Fact]
    public async Task TC_E_07_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "PowerPathClosed");
        var transactionId = await sut.EnergyTransferStartedAsync();

        // Present the idToken: StopAuthorized, and the power path opening ends the transaction.
        await sut.StopAuthorizedAsync(transactionId);
    }

    [Fact]
    public async Task TC_E_35_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "PowerPathClosed");
        var transactionId = await sut.EnergyTransferStartedAsync();
        await ExpectRemoteStopAsync(sut, transactionId);
    }

    [Fact]
    public async Task TC_E_21_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "Authorized");
        var transactionId = await sut.EnergyTransferStartedAsync();
        await ExpectRemoteStopAsync(sut, transactionId);
    }

    [Fact]
    public async Task TC_E_15_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "Authorized");
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. StopAuthorized, stoppedReason Local, Ended.
        sut.PresentCard();
        var ended = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.StopAuthorized);
        Assert.Equal((TransactionEventEnumType.Ended, ReasonEnumType.Local), (ended.EventType, ended.TransactionInfo.StoppedReason));
    }

    [Fact]
    public async Task TC_E_08_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "EnergyTransfer");
        var transactionId = await sut.EnergyTransferStartedAsync();
        await sut.StopAuthorizedAsync(transactionId);
    }

    [Fact]
    public async Task TC_E_22_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "EnergyTransfer");
        var transactionId = await sut.EnergyTransferStartedAsync();

        // The EV suspends: ChargingStateChanged; Ended with EVConnected and StoppedByEV (or Updated SuspendedEV).
        sut.Charger.SetEvCharging(StationUnderTest.EvseId, demanding: false);
        var ended = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.ChargingStateChanged);
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(ChargingStateEnumType.EVConnected, ended.TransactionInfo.ChargingState);
        Assert.Equal(ReasonEnumType.StoppedByEV, ended.TransactionInfo.StoppedReason);
    }

    [Fact]
    public async Task TC_E_20_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "EVConnected");
        await sut.ConfigureAsync("TxCtrlr", "StopTxOnEVSideDisconnect", "false");
        var transactionId = await EnergyTransferSuspendedAsync(sut);

        // 1-2. EV side disconnect: EVCommunicationLost, Idle, EVDisconnected, Ended; then the connector is Available.
        var ended = await UnplugAsync(sut, transactionId);
        Assert.Equal(ReasonEnumType.EVDisconnected, ended.TransactionInfo.StoppedReason);
    }

    [Fact]
    public async Task TC_E_37_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "PowerPathClosed");
        await sut.ConfigureAsync("TxCtrlr", "StopTxOnEVSideDisconnect", "false");
        var transactionId = await EnergyTransferSuspendedAsync(sut);

        var ended = await UnplugAsync(sut, transactionId);
        Assert.Contains(ended.TransactionInfo.StoppedReason, new ReasonEnumType?[] { ReasonEnumType.EVDisconnected, ReasonEnumType.StoppedByEV });
    }

    [Fact]
    public async Task TC_E_17_CS()
    {
        // Before: TxStopPoint Authorized, StopTxOnEVSideDisconnect true; UnlockOnEVSideDisconnect is ReadOnly
        // false on a fixed cable (C-12.2).
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStopPoint", "Authorized");
        await sut.ConfigureAsync("TxCtrlr", "StopTxOnEVSideDisconnect", "true");
        Assert.Equal("false", (await sut.GetVariableAsync("OCPPCommCtrlr", "UnlockOnEVSideDisconnect")).AttributeValue);
        var transactionId = await EnergyTransferSuspendedAsync(sut);

        // 1-2. Ended, EVCommunicationLost, Idle, EVDisconnected; 3-4. the connector reported Available.
        var ended = await UnplugAsync(sut, transactionId);
        Assert.Equal(ReasonEnumType.EVDisconnected, ended.TransactionInfo.StoppedReason);
    }

    [Fact]
    public async Task TC_E_25_CS()
    {
        // Before: StopTxOnEVSideDisconnect true; UnlockOnEVSideDisconnect false (ReadOnly on a fixed cable).
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "StopTxOnEVSideDisconnect", "true");
        var transactionId = await EnergyTransferSuspendedAsync(sut);

        // 1-2. EVCommunicationLost, Idle (the transaction is deauthorized and, TxStopPoint EVConnected, ends);
        // the detachable-cable actions do not apply; 3-4. the connector is reported Available.
        var ended = await UnplugAsync(sut, transactionId);
        Assert.Equal(ReasonEnumType.EVDisconnected, ended.TransactionInfo.StoppedReason);
    }

    /// <summary>Reusable state EnergyTransferSuspended: the EV suspends, Updated ChargingStateChanged SuspendedEV.</summary>
    internal static async Task<string> EnergyTransferSuspendedAsync(StationUnderTest sut)
    {
        var transactionId = await sut.EnergyTransferStartedAsync();
        sut.Charger.SetEvCharging(StationUnderTest.EvseId, demanding: false);
        var suspended = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.ChargingStateChanged);
        Assert.Equal((TransactionEventEnumType.Updated, ChargingStateEnumType.SuspendedEV), (suspended.EventType, suspended.TransactionInfo.ChargingState));
        return transactionId;
    }

    /// <summary>The EV is disconnected and the transaction ends: Ended (EVCommunicationLost, Idle) first, then
    /// the connector reported Available (the status never overtakes the Ended event).</summary>
    internal static async Task<TransactionEventRequest> UnplugAsync(StationUnderTest sut, string transactionId)
    {
        sut.Unplug();
        var ended = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.EVCommunicationLost);
        Assert.Equal((TransactionEventEnumType.Ended, ChargingStateEnumType.Idle), (ended.EventType, ended.TransactionInfo.ChargingState));
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((StationUnderTest.EvseId, StationUnderTest.ConnectorId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
        var frames = sut.Connection.Frames.Where(f => f.Direction == Testing.Csms.FrameDirection.FromStation).Select(f => f.Text).ToList();
        Assert.True(
            frames.FindLastIndex(f => f.Contains("\"TransactionEvent\"", StringComparison.Ordinal)) < frames.FindLastIndex(f => f.Contains("\"StatusNotification\"", StringComparison.Ordinal)),
            "The StatusNotification Available went out before the Ended TransactionEvent.");
        return ended;
    }

    /// <summary>Reusable state StopAuthorized, Main B, as TC_E_21/35 check it: Accepted, then Ended with
    /// triggerReason RemoteStop and stoppedReason Remote.</summary>
    internal static async Task ExpectRemoteStopAsync(StationUnderTest sut, string transactionId)
    {
        var response = await sut.Connection.CallAsync(new RequestStopTransactionRequest { TransactionId = transactionId }, StationUnderTest.Timeout);
        Assert.Equal(RequestStartStopStatusEnumType.Accepted, response.Status);
        var ended = await sut.ExpectTransactionEventAsync(transactionId, TriggerReasonEnumType.RemoteStop);
        Assert.Equal((TransactionEventEnumType.Ended, ReasonEnumType.Remote), (ended.EventType, ended.TransactionInfo.StoppedReason));
    }
}
