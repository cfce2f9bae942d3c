using Chargebox.Conformance.Tests.Harness;
using Chargebox.Conformance.Tests.Transactions;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.RemoteControl;

/// <summary>F01-F03: remote start and stop (Part 6, TC_F_01 to TC_F_04, TC_F_08, TC_F_09, and TC_K_38 for a
/// station without smart charging).</summary>
public sealed class RemoteStartStopTests
{
    [Fact]
    public async Task TC_F_01_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: EVConnectedPreSession. 1. Authorized (remote): Accepted (no transaction yet on PowerPathClosed,
        // so no transactionId), then Started with RemoteStart, remoteStartId and the idToken; 2. the EV charges.
        await sut.EvConnectedPreSessionAsync();
        var response = await sut.RemoteStartAsync(remoteStartId: 101);
        Assert.Null(response.TransactionId);
        var started = await ExpectRemoteStartedAsync(sut, 101);
        Assert.Equal(ChargingStateEnumType.Charging, started.TransactionInfo.ChargingState);
    }

    [Fact]
    public async Task TC_F_02_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("AuthCtrlr", "AuthorizeRemoteStart", "true");

        // 1. Authorized (remote): Accepted, then AuthorizeRequest with the idToken, Accepted.
        var armed = sut.EvConnectionTimerArmed();
        await sut.RemoteStartAsync(remoteStartId: 102);
        var authorize = await sut.Connection.ExpectCallAsync<AuthorizeRequest>(StationUnderTest.Timeout);
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (authorize.Request.IdToken.IdToken, authorize.Request.IdToken.Type));
        await sut.Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });
        await armed;

        // 2. EnergyTransferStarted: Occupied, Started (the first event after the remote start: RemoteStart).
        await ExpectPluggedAfterRemoteStartAsync(sut, 102);
    }

    [Fact]
    public async Task TC_F_03_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("AuthCtrlr", "AuthorizeRemoteStart", "false");

        // 1. Authorized (remote) without AuthorizeRequest; 2. EnergyTransferStarted.
        var armed = sut.EvConnectionTimerArmed();
        await sut.RemoteStartAsync(remoteStartId: 103);
        await armed;
        await ExpectPluggedAfterRemoteStartAsync(sut, 103);
        Assert.DoesNotContain(sut.Connection.Frames, f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_F_04_CS()
    {
        const int evConnectionTimeOut = 45;
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("TxCtrlr", "EVConnectionTimeOut", $"{evConnectionTimeOut}");
        await sut.ConfigureAsync("TxCtrlr", "TxStartPoint", "Authorized");

        // Before: Authorized (remote): Started, RemoteStart; the transaction occupies the connector.
        var armed = sut.EvConnectionTimerArmed(evConnectionTimeOut);
        await sut.RemoteStartAsync(remoteStartId: 104);
        var started = await ExpectRemoteStartedAsync(sut, 104);
        Assert.Equal(ConnectorStatusEnumType.Occupied, (await sut.ExpectStatusNotificationAsync()).ConnectorStatus);
        await armed;

        // 1-2. No cable in time: Ended, EVConnectTimeout (and the connector Available again).
        sut.Time.Advance(TimeSpan.FromSeconds(evConnectionTimeOut));
        var ended = await sut.ExpectTransactionEventAsync(started.TransactionInfo.TransactionId, TriggerReasonEnumType.EVConnectTimeout);
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(ConnectorStatusEnumType.Available, (await sut.ExpectStatusNotificationAsync()).ConnectorStatus);

        // 3. The EVSE takes another remote start.
        await sut.RemoteStartAsync(remoteStartId: 105);
        var again = await ExpectRemoteStartedAsync(sut, 105);
        Assert.NotEqual(started.TransactionInfo.TransactionId, again.TransactionInfo.TransactionId);
    }

    [Fact]
    public async Task TC_F_08_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await sut.EnergyTransferStartedAsync();

        // StopAuthorized (remote): Accepted, RemoteStop; TxStopPoint Authorized ends it with stoppedReason Remote.
        await StopPointTests.ExpectRemoteStopAsync(sut, transactionId);
    }

    [Fact]
    public async Task TC_F_09_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. Another transactionId: Rejected, and the transaction goes on.
        var other = Guid.NewGuid().ToString();
        Assert.NotEqual(transactionId, other);
        var response = await sut.Connection.CallAsync(new RequestStopTransactionRequest { TransactionId = other }, StationUnderTest.Timeout);
        Assert.Equal(RequestStartStopStatusEnumType.Rejected, response.Status);
        var status = await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        Assert.Equal(transactionId, status.Evses[0].Transaction?.TransactionId);
    }

    [Fact]
    public async Task TC_K_38_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: EVConnectedPreSession. 1-2. RequestStartTransaction with a TxProfile: Accepted, the profile ignored.
        await sut.EvConnectedPreSessionAsync();
        var profile = new ChargingProfileType
        {
            Id = 38,
            StackLevel = 0,
            ChargingProfilePurpose = ChargingProfilePurposeEnumType.TxProfile,
            ChargingProfileKind = ChargingProfileKindEnumType.Relative,
            ChargingSchedule =
            [
                new ChargingScheduleType
                {
                    Id = 38,
                    ChargingRateUnit = ChargingRateUnitEnumType.A,
                    ChargingSchedulePeriod = [new ChargingSchedulePeriodType { StartPeriod = 0, Limit = 6, NumberPhases = 1 }],
                },
            ],
        };
        await sut.RemoteStartAsync(remoteStartId: 38, profile);

        // 5-6. RemoteStart with the remoteStartId; 7. EnergyTransferStarted at the EVSE's full current.
        var started = await ExpectRemoteStartedAsync(sut, 38);
        Assert.Equal(ChargingStateEnumType.Charging, started.TransactionInfo.ChargingState);
        Assert.NotEqual(6m, sut.Charger.GetStatus(StationUnderTest.EvseId).OfferedCurrentA);
    }

    /// <summary>Authorized (remote) step 5: Started, RemoteStart, remoteStartId, the idToken, the EVSE.</summary>
    private static async Task<TransactionEventRequest> ExpectRemoteStartedAsync(StationUnderTest sut, int remoteStartId)
    {
        var started = await sut.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(TriggerReasonEnumType.RemoteStart, started.TriggerReason);
        Assert.Equal(remoteStartId, started.TransactionInfo.RemoteStartId);
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.Equal(StationUnderTest.EvseId, started.Evse?.Id);
        return started;
    }

    /// <summary>EnergyTransferStarted after a remote start with no EV: Occupied, then Started (RemoteStart, the
    /// first event after the request), then Charging.</summary>
    private static async Task ExpectPluggedAfterRemoteStartAsync(StationUnderTest sut, int remoteStartId)
    {
        await sut.EvConnectedPreSessionAsync();
        var started = await ExpectRemoteStartedAsync(sut, remoteStartId);
        Assert.Equal(StationUnderTest.ConnectorId, started.Evse?.ConnectorId);
        if (started.TransactionInfo.ChargingState != ChargingStateEnumType.Charging)
        {
            await StartPointTests.ExpectChargingAsync(sut, started.TransactionInfo.TransactionId);
        }
    }
}
