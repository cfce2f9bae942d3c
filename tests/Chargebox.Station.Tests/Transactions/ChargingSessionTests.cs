using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Tests.Transactions;

/// <summary>End to end over a real WebSocket: a driver plugs in, badges, charges and unplugs on the
/// reference station (TxStartPoint PowerPathClosed, TxStopPoint EVConnected,Authorized).</summary>
public sealed class ChargingSessionTests
{
    [Fact]
    public async Task E01_E02_PlugThenCard_AuthorizeStartedPeriodicUpdatedThenUnplugEnded()
    {
        await using var h = await StationHarness.StartAsync();

        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();

        var (_, started) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(0, started.SeqNo);
        Assert.Equal(TriggerReasonEnumType.Authorized, started.TriggerReason);
        Assert.Equal(ChargingStateEnumType.Charging, started.TransactionInfo.ChargingState);
        Assert.Equal(StationHarness.Card.IdToken, started.IdToken?.IdToken);
        Assert.Equal(1, started.Evse?.Id);
        Assert.Equal(1, started.Evse?.ConnectorId);
        Assert.Equal(1, started.NumberOfPhasesUsed);
        Assert.Null(started.Offline);
        Assert.True(Guid.TryParse(started.TransactionInfo.TransactionId, out _));
        var begin = Assert.Single(Assert.Single(started.MeterValue!).SampledValue);
        Assert.Equal(MeasurandEnumType.EnergyActiveImportRegister, begin.Measurand);
        Assert.Equal(ReadingContextEnumType.TransactionBegin, begin.Context);
        Assert.Equal("Wh", begin.UnitOfMeasure?.Unit);

        var status = await h.StatusAsync();
        Assert.Equal(started.TransactionInfo.TransactionId, status.Evses[0].Transaction?.TransactionId);
        Assert.Equal(ConnectorStatusEnumType.Occupied, status.Evses[0].Connectors[0].Status);
        Assert.True(h.Charger.GetStatus(1).RelayClosed);

        // J02: after TxUpdatedInterval (60 s) an Updated event with the TxUpdatedMeasurands. The station must
        // have taken the answer to Started first, or the jump would time that call out (MessageTimeout).
        await h.SettleAsync();
        h.Time.Advance(TimeSpan.FromSeconds(60));
        var (_, periodic) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Updated, periodic.EventType);
        Assert.Equal(1, periodic.SeqNo);
        Assert.Equal(TriggerReasonEnumType.MeterValuePeriodic, periodic.TriggerReason);
        var samples = Assert.Single(periodic.MeterValue!).SampledValue;
        Assert.All(samples, s => Assert.Equal(ReadingContextEnumType.SamplePeriodic, s.Context));
        var energy = samples.Single(s => s.Measurand == MeasurandEnumType.EnergyActiveImportRegister);
        Assert.InRange(energy.Value - begin.Value, 122.665m, 122.667m); // 60 s at 7360 W, the meter rounds down to mWh
        Assert.Equal(230m, samples.Single(s => s.Measurand == MeasurandEnumType.Voltage).Value);
        Assert.Equal(PhaseEnumType.L1N, samples.Single(s => s.Measurand == MeasurandEnumType.Voltage).Phase);
        Assert.Equal(32m, samples.Single(s => s.Measurand == MeasurandEnumType.CurrentImport && s.Phase == PhaseEnumType.L1).Value);
        Assert.Equal(7360m, samples.Single(s => s.Measurand == MeasurandEnumType.PowerActiveImport).Value);
        Assert.Null(periodic.IdToken);

        h.Charger.Unplug(1);
        var (_, ended) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(2, ended.SeqNo);
        Assert.Equal(TriggerReasonEnumType.EVCommunicationLost, ended.TriggerReason);
        Assert.Equal(ReasonEnumType.EVDisconnected, ended.TransactionInfo.StoppedReason);
        Assert.Equal(started.TransactionInfo.TransactionId, ended.TransactionInfo.TransactionId);
        Assert.Equal(ReadingContextEnumType.TransactionEnd, Assert.Single(Assert.Single(ended.MeterValue!).SampledValue).Context);

        status = await h.StatusAsync();
        Assert.Null(status.Evses[0].Transaction);
        Assert.Equal(ConnectorStatusEnumType.Available, status.Evses[0].Connectors[0].Status);
        Assert.False(h.Charger.GetStatus(1).RelayClosed);
        Assert.Empty(h.Connection.SchemaViolations);
    }

    [Fact]
    public async Task E06_SameCardAgain_StopAuthorizedEndsTransactionWithReasonLocal()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        var (_, started) = await h.ExpectTransactionEventAsync();

        // E06.FR.xx: the token that started the transaction stops it without a new Authorize.
        h.Charger.PresentToken(StationHarness.Card);
        var (_, ended) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(TriggerReasonEnumType.StopAuthorized, ended.TriggerReason);
        Assert.Equal(ReasonEnumType.Local, ended.TransactionInfo.StoppedReason);
        Assert.Equal(started.TransactionInfo.TransactionId, ended.TransactionInfo.TransactionId);
        Assert.Single(h.Connection.Frames, f => f.Direction == Testing.Csms.FrameDirection.FromStation && f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
        Assert.False(h.Charger.GetStatus(1).RelayClosed);
    }

    [Fact]
    public async Task C01_RejectedCard_StartsNoTransactionAndKeepsRelayOpen()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        h.Charger.PresentToken(StationHarness.Card);
        var authorize = await h.Connection.ExpectCallAsync<AuthorizeRequest>(StationHarness.Wait);
        await h.Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Blocked } });
        await h.SettleAsync();

        var status = await h.StatusAsync();
        Assert.Null(status.Evses[0].Transaction);
        Assert.False(h.Charger.GetStatus(1).RelayClosed);
        Assert.DoesNotContain(h.Connection.Frames, f => f.Text.Contains("\"TransactionEvent\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task E01_SeqNoStartsAtZeroWithoutGapsAcrossChargingStateChanges()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        var events = new List<TransactionEventRequest> { (await h.ExpectTransactionEventAsync()).Request };

        h.Charger.SetEvCharging(1, false);
        events.Add((await h.ExpectTransactionEventAsync()).Request);
        h.Charger.SetEvCharging(1, true);
        events.Add((await h.ExpectTransactionEventAsync()).Request);
        h.Charger.Unplug(1);
        events.Add((await h.ExpectTransactionEventAsync()).Request);

        Assert.Equal([0, 1, 2, 3], events.Select(e => e.SeqNo));
        Assert.Equal(TriggerReasonEnumType.ChargingStateChanged, events[1].TriggerReason);
        Assert.Equal(ChargingStateEnumType.SuspendedEV, events[1].TransactionInfo.ChargingState);
        Assert.Equal(ChargingStateEnumType.Charging, events[2].TransactionInfo.ChargingState);
        Assert.Single(events.Select(e => e.TransactionInfo.TransactionId).Distinct());
    }

    [Fact]
    public async Task E03_AuthorizedWithoutCable_EVConnectionTimeOutEndsAuthorization()
    {
        await using var h = await StationHarness.StartAsync(("TxCtrlr", "EVConnectionTimeOut", "30"));
        await h.AuthorizeCardAsync();
        await h.SettleAsync();

        h.Time.Advance(TimeSpan.FromSeconds(31));
        await h.StatusAsync();

        // The authorization is gone: plugging in now starts nothing until a card is shown again.
        h.Charger.Plug(1);
        var status = await h.StatusAsync();
        Assert.Null(status.Evses[0].Transaction);
        Assert.False(h.Charger.GetStatus(1).RelayClosed);
    }

    [Fact]
    public async Task E02_CardThenPlugWithinTimeout_StartsOnCablePluggedIn()
    {
        await using var h = await StationHarness.StartAsync();
        await h.AuthorizeCardAsync();
        await h.SettleAsync();
        h.Charger.Plug(1);

        var (_, started) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(TriggerReasonEnumType.CablePluggedIn, started.TriggerReason);
        Assert.Equal(StationHarness.Card.IdToken, started.IdToken?.IdToken);
    }

    [Fact]
    public async Task E01_TxStartPointEVConnected_StartsOnPlugThenAuthorizedUpdateCarriesToken()
    {
        await using var h = await StationHarness.StartAsync(("TxCtrlr", "TxStartPoint", "EVConnected"));
        h.Charger.Plug(1);
        var (_, started) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TriggerReasonEnumType.CablePluggedIn, started.TriggerReason);
        Assert.Equal(ChargingStateEnumType.EVConnected, started.TransactionInfo.ChargingState);
        Assert.Null(started.IdToken);
        Assert.False(h.Charger.GetStatus(1).RelayClosed);

        await h.AuthorizeCardAsync();
        var (_, authorized) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Updated, authorized.EventType);
        Assert.Equal(TriggerReasonEnumType.Authorized, authorized.TriggerReason);
        Assert.Equal(StationHarness.Card.IdToken, authorized.IdToken?.IdToken);
        Assert.Equal(ChargingStateEnumType.Charging, authorized.TransactionInfo.ChargingState);
        Assert.True(h.Charger.GetStatus(1).RelayClosed);
    }
}
