using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Transactions;

/// <summary>E02, E03, E07 and EVConnectionTimeOut: local start and stop (Part 6, TC_E_03, 04, 05, 06, 39, 52)
/// on the reference station (TxStartPoint PowerPathClosed, TxStopPoint EVConnected,Authorized).</summary>
public sealed class LocalStartStopTests
{
    private const int EvConnectionTimeOut = 45;

    [Fact]
    public async Task TC_E_03_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: EVConnectedPreSession; main: Authorized (local), EnergyTransferStarted.
        await sut.EnergyTransferStartedAsync();
    }

    [Fact]
    public async Task TC_E_04_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await AuthorizedThenPluggedAsync(sut);
        Assert.False(string.IsNullOrEmpty(transactionId));
    }

    [Fact]
    public async Task TC_E_05_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "EVConnectionTimeOut", $"{EvConnectionTimeOut}");
        await sut.ConfigureAsync("AuthCacheCtrlr", "Enabled", "false");

        // Before: Authorized (local). 1-2 only when TxStartPoint is Authorized: PowerPathClosed started nothing.
        var armed = sut.EvConnectionTimerArmed(EvConnectionTimeOut);
        await sut.AuthorizeLocallyAsync();
        await armed;
        sut.Time.Advance(TimeSpan.FromSeconds(EvConnectionTimeOut));

        // 3-4. The authorization was dropped: the same card authorizes a new session (it would stop the old one
        // otherwise) and EnergyTransferStarted follows.
        var transactionId = await AuthorizedThenPluggedAsync(sut, EvConnectionTimeOut);
        Assert.DoesNotContain(sut.Connection.Frames, f => f.Text.Contains("EVConnectTimeout", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(transactionId));
    }

    [Fact]
    public async Task TC_E_39_CS()
    {
        // TxStartPoint Authorized (C-51) so that the timeout has a transaction to end (steps 1-2).
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "TxStartPoint", "Authorized");
        await sut.ConfigureAsync("TxCtrlr", "EVConnectionTimeOut", $"{EvConnectionTimeOut}");

        // Before: Authorized: Started, and the connector is Occupied by the transaction (G01).
        var armed = sut.EvConnectionTimerArmed(EvConnectionTimeOut);
        await sut.AuthorizeLocallyAsync();
        var started = await sut.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(ConnectorStatusEnumType.Occupied, (await sut.ExpectStatusNotificationAsync()).ConnectorStatus);
        await armed;

        // 1-2. EVConnectTimeout: Ended, stoppedReason Timeout; the connector is Available again.
        sut.Time.Advance(TimeSpan.FromSeconds(EvConnectionTimeOut));
        var ended = await sut.ExpectTransactionEventAsync(started.TransactionInfo.TransactionId, TriggerReasonEnumType.EVConnectTimeout);
        Assert.Equal((TransactionEventEnumType.Ended, ReasonEnumType.Timeout), (ended.EventType, ended.TransactionInfo.StoppedReason));
        Assert.Equal(ConnectorStatusEnumType.Available, (await sut.ExpectStatusNotificationAsync()).ConnectorStatus);

        // 3-4. The EV is connected: Occupied, and no charging starts (no authorization left).
        await sut.EvConnectedPreSessionAsync();
        var status = await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        Assert.Null(status.Evses[0].Transaction);
        Assert.False(sut.Charger.GetStatus(StationUnderTest.EvseId).RelayClosed);
    }

    [Fact]
    public async Task TC_E_06_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1. StopAuthorized (local): the transaction ends (TxStopPoint Authorized); 2. EVConnectedPostSession:
        // nothing more, it has ended; 3. EVDisconnected: Available; 4. ParkingBayUnoccupied: not supported.
        await sut.StopAuthorizedAsync(transactionId);
        await sut.EvDisconnectedAsync();
    }

    [Fact]
    public async Task TC_E_52_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("AuthCtrlr", "DisableRemoteAuthorization", "true");

        // 1. A token neither cached nor listed: no AuthorizeRequest, refused; errata 2025-04: plugging in
        // then starts no charging.
        sut.PresentCard(new IdTokenType { IdToken = "0DEADBEEF052", Type = IdTokenEnumType.ISO14443 });
        await sut.EvConnectedPreSessionAsync();
        var status = await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        Assert.Null(status.Evses[0].Transaction);
        Assert.False(sut.Charger.GetStatus(StationUnderTest.EvseId).RelayClosed);
        Assert.DoesNotContain(sut.Connection.Frames, f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal) || f.Text.Contains("\"TransactionEvent\"", StringComparison.Ordinal));
    }

    /// <summary>Authorized (local) with no EV, then EnergyTransferStarted Part 1 and 2 (TxStartPoint
    /// PowerPathClosed): Occupied, Started on the cable with the idToken, then Charging.</summary>
    internal static async Task<string> AuthorizedThenPluggedAsync(StationUnderTest sut, int evConnectionTimeOut = StationUnderTest.DefaultEvConnectionTimeOut)
    {
        var armed = sut.EvConnectionTimerArmed(evConnectionTimeOut);
        await sut.AuthorizeLocallyAsync();
        await armed;
        await sut.EvConnectedPreSessionAsync();
        var started = await sut.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(TriggerReasonEnumType.CablePluggedIn, started.TriggerReason);
        Assert.Equal(ChargingStateEnumType.EVConnected, started.TransactionInfo.ChargingState);
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.Equal((StationUnderTest.EvseId, StationUnderTest.ConnectorId), (started.Evse?.Id, started.Evse?.ConnectorId));
        await StartPointTests.ExpectChargingAsync(sut, started.TransactionInfo.TransactionId);
        return started.TransactionInfo.TransactionId;
    }
}
