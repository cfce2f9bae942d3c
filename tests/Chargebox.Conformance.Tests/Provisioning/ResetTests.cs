using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Provisioning;

/// <summary>B11 and B12: Reset the Charging Station or one EVSE (Part 6, TC_B_20 to TC_B_27).</summary>
public sealed class ResetTests
{
    [Fact]
    public async Task TC_B_20_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. Reset OnIdle without evseId: Accepted (B11.FR.01), then the station reboots.
        var before = sut.Connection;
        var reset = await before.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);
        await sut.WaitForRebootAsync();

        // The station closes its connection with the close handshake before it reboots, so its last answer
        // cannot be lost to a TCP reset.
        var gone = await before.WaitForDisconnectAsync(StationUnderTest.Timeout);
        Assert.True(gone.WasClean, "the station dropped the connection without a close frame");

        // 3-6. BootNotification Accepted, every connector Available.
        await sut.AcceptBootAsync();
        Assert.Single(sut.Charger.RebootRequests);
    }

    [Fact]
    public async Task TC_B_23_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Memory: Unavailable for the configured connector.
        await sut.UnavailableAsync(StationUnderTest.EvseId, StationUnderTest.ConnectorId);

        // 1-2. Reset OnIdle: Accepted, reboot.
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);
        await sut.WaitForRebootAsync();

        // 3-6. BootNotification reason RemoteReset; the connector is still Unavailable (B11.FR.02).
        var boot = await sut.AcceptBootAsync(expectedStatus: ConnectorStatusEnumType.Unavailable);
        Assert.Equal(BootReasonEnumType.RemoteReset, boot.Reason);
    }

    [Fact]
    public async Task TC_B_25_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. Reset OnIdle of the configured EVSE: Accepted (B11.FR.08); the EVSE, not the station, resets.
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle, EvseId = StationUnderTest.EvseId }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);

        // The EVSE reports its connectors afresh once it is back; the station stays connected and registered.
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((StationUnderTest.EvseId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorStatus));
        Assert.Empty(sut.Charger.RebootRequests);
        Assert.True(sut.Connection.IsConnected);
    }

    [Fact]
    public async Task TC_B_21_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: State is EnergyTransferStarted.
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. Reset OnIdle during a transaction: Scheduled (B12.FR.01); nothing reboots yet.
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Scheduled, reset.Status);
        Assert.Empty(sut.Charger.RebootRequests);

        // 3. StopAuthorized ends the transaction (TxStopPoint Authorized); steps 4-6 are not executed since
        // TxStartPoint contains PowerPathClosed. The station is idle now and reboots (B12.FR.03).
        await sut.StopAuthorizedAsync(transactionId);
        await sut.WaitForRebootAsync();

        // 7-10. BootNotification reason ScheduledReset; the transaction was stopped at step 3 with the EV still
        // plugged in, so the connector is Occupied.
        var boot = await sut.AcceptBootAsync(expectedStatus: ConnectorStatusEnumType.Occupied);
        Assert.Equal(BootReasonEnumType.ScheduledReset, boot.Reason);
        Assert.Single(sut.Charger.RebootRequests);

        // 11-12 (SecurityEventNotification) need the security block (functional block A).
    }

    [Fact]
    public async Task TC_B_22_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: State is EnergyTransferStarted.
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. Reset Immediate during a transaction: Accepted (B12.FR.02).
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.Immediate }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);

        // 3-4. TransactionEvent Ended, triggerReason ResetCommand, chargingState EVConnected, stoppedReason
        // ImmediateReset, idToken omitted (B12.FR.04, E07.FR.03).
        var ended = await sut.ExpectTransactionEventAsync();
        Assert.Equal(transactionId, ended.TransactionInfo.TransactionId);
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(TriggerReasonEnumType.ResetCommand, ended.TriggerReason);
        Assert.Equal(ChargingStateEnumType.EVConnected, ended.TransactionInfo.ChargingState);
        Assert.Equal(ReasonEnumType.ImmediateReset, ended.TransactionInfo.StoppedReason);
        Assert.Null(ended.IdToken);

        // 5-8. The station reboots: BootNotification reason RemoteReset; the EV is still plugged in, so the
        // configured connector is Occupied.
        await sut.WaitForRebootAsync();
        var boot = await sut.AcceptBootAsync(expectedStatus: ConnectorStatusEnumType.Occupied);
        Assert.Equal(BootReasonEnumType.RemoteReset, boot.Reason);
    }

    [Fact]
    public async Task TC_B_26_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: State is EnergyTransferStarted.
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. Reset OnIdle of the EVSE during a transaction: Scheduled (B12.FR.07).
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle, EvseId = StationUnderTest.EvseId }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Scheduled, reset.Status);

        // 3. StopAuthorized ends the transaction; 4. EVConnectedPostSession sends nothing more (already ended).
        await sut.StopAuthorizedAsync(transactionId);

        // 5. EVDisconnected: the connector is reported Available (the EVSE reset in between may report it
        // Occupied first). Only the EVSE reset: the station neither rebooted nor dropped its connection.
        sut.Unplug();
        ConnectorStatusEnumType reported;
        do
        {
            var status = await sut.ExpectStatusNotificationAsync();
            Assert.Equal((StationUnderTest.EvseId, StationUnderTest.ConnectorId), (status.EvseId, status.ConnectorId));
            reported = status.ConnectorStatus;
        }
        while (reported != ConnectorStatusEnumType.Available);

        Assert.Empty(sut.Charger.RebootRequests);
        Assert.True(sut.Connection.IsConnected);
    }

    [Fact]
    public async Task TC_B_27_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: State is EnergyTransferStarted.
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. Reset Immediate of the EVSE during a transaction: Accepted (B12.FR.08).
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.Immediate, EvseId = StationUnderTest.EvseId }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);

        // 3-4. TransactionEvent Ended, triggerReason ResetCommand, chargingState EVConnected, stoppedReason
        // ImmediateReset (E07.FR.03); the EVSE resets, not the station.
        var ended = await sut.ExpectTransactionEventAsync();
        Assert.Equal(transactionId, ended.TransactionInfo.TransactionId);
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(TriggerReasonEnumType.ResetCommand, ended.TriggerReason);
        Assert.Equal(ChargingStateEnumType.EVConnected, ended.TransactionInfo.ChargingState);
        Assert.Equal(ReasonEnumType.ImmediateReset, ended.TransactionInfo.StoppedReason);
        Assert.Empty(sut.Charger.RebootRequests);
        Assert.True(sut.Connection.IsConnected);
    }
}
