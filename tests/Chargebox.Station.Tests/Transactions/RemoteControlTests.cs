using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;

namespace Chargebox.Station.Tests.Transactions;

/// <summary>F01-F03, F05, F06 against the reference station over a real WebSocket.</summary>
public sealed class RemoteControlTests
{
    private static RequestStartTransactionRequest StartRequest(int? evseId = 1) => new()
    {
        IdToken = new IdTokenType { IdToken = "REMOTE-1", Type = IdTokenEnumType.Central },
        RemoteStartId = 4711,
        EvseId = evseId,
    };

    [Fact]
    public async Task F01_F03_RemoteStartOnPluggedEv_ThenRemoteStop()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.StatusAsync();

        var start = await h.Connection.CallAsync(StartRequest(), StationHarness.Wait);
        Assert.Equal(RequestStartStopStatusEnumType.Accepted, start.Status);
        Assert.Null(start.TransactionId);

        var (_, started) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(TriggerReasonEnumType.RemoteStart, started.TriggerReason);
        Assert.Equal(4711, started.TransactionInfo.RemoteStartId);
        Assert.Equal("REMOTE-1", started.IdToken?.IdToken);
        Assert.DoesNotContain(h.Connection.Frames, f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
        Assert.True(h.Charger.GetStatus(1).RelayClosed);

        var stop = await h.Connection.CallAsync(new RequestStopTransactionRequest { TransactionId = started.TransactionInfo.TransactionId }, StationHarness.Wait);
        Assert.Equal(RequestStartStopStatusEnumType.Accepted, stop.Status);
        var (_, ended) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(TriggerReasonEnumType.RemoteStop, ended.TriggerReason);
        Assert.Equal(ReasonEnumType.Remote, ended.TransactionInfo.StoppedReason);
        Assert.Null(ended.TransactionInfo.RemoteStartId);
        Assert.False(h.Charger.GetStatus(1).RelayClosed);
    }

    [Fact]
    public async Task F02_RemoteStartBeforePlug_StartsWhenCableIsPluggedIn()
    {
        await using var h = await StationHarness.StartAsync();
        var start = await h.Connection.CallAsync(StartRequest(evseId: null), StationHarness.Wait);
        Assert.Equal(RequestStartStopStatusEnumType.Accepted, start.Status);
        await h.SettleAsync();

        h.Charger.Plug(1);
        var (_, started) = await h.ExpectTransactionEventAsync();

        // The cable reached the start point, but the first event after the remote start says RemoteStart
        // (Part 6 general rule for reusable state Authorized, remote).
        Assert.Equal(TriggerReasonEnumType.RemoteStart, started.TriggerReason);
        Assert.Equal(4711, started.TransactionInfo.RemoteStartId);
    }

    [Fact]
    public async Task F01_AuthorizeRemoteStart_AsksTheCsmsFirst()
    {
        await using var h = await StationHarness.StartAsync(("AuthCtrlr", "AuthorizeRemoteStart", "true"));
        h.Charger.Plug(1);
        var start = await h.Connection.CallAsync(new RequestStartTransactionRequest
        {
            IdToken = new IdTokenType { IdToken = "REMOTE-2", Type = IdTokenEnumType.ISO14443 },
            RemoteStartId = 5,
            EvseId = 1,
        }, StationHarness.Wait);
        Assert.Equal(RequestStartStopStatusEnumType.Accepted, start.Status);

        var authorize = await h.Connection.ExpectCallAsync<AuthorizeRequest>(StationHarness.Wait);
        Assert.Equal("REMOTE-2", authorize.Request.IdToken.IdToken);
        await h.Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });
        var (_, started) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TriggerReasonEnumType.RemoteStart, started.TriggerReason);
        Assert.Equal(5, started.TransactionInfo.RemoteStartId);
    }

    [Fact]
    public async Task F01_RemoteStart_RejectedWhileEvseIsInUseOrUnknown()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        await h.ExpectTransactionEventAsync();

        var busy = await h.Connection.CallAsync(StartRequest(), StationHarness.Wait);
        Assert.Equal(RequestStartStopStatusEnumType.Rejected, busy.Status);
        var unknown = await h.Connection.CallAsync(StartRequest(evseId: 7), StationHarness.Wait);
        Assert.Equal(RequestStartStopStatusEnumType.Rejected, unknown.Status);
        Assert.Equal("UnknownEvse", unknown.StatusInfo?.ReasonCode);
    }

    [Fact]
    public async Task F01_RemoteStart_RejectedOnInoperativeEvse()
    {
        await using var h = await StationHarness.StartAsync();
        var change = await h.Connection.CallAsync(new ChangeAvailabilityRequest { OperationalStatus = OperationalStatusEnumType.Inoperative, Evse = new EVSEType { Id = 1 } }, StationHarness.Wait);
        Assert.Equal(ChangeAvailabilityStatusEnumType.Accepted, change.Status);

        var start = await h.Connection.CallAsync(StartRequest(), StationHarness.Wait);
        Assert.Equal(RequestStartStopStatusEnumType.Rejected, start.Status);
    }

    [Fact]
    public async Task F03_RemoteStopOfUnknownTransaction_Rejected()
    {
        await using var h = await StationHarness.StartAsync();
        var stop = await h.Connection.CallAsync(new RequestStopTransactionRequest { TransactionId = "no-such-transaction" }, StationHarness.Wait);
        Assert.Equal(RequestStartStopStatusEnumType.Rejected, stop.Status);
    }

    [Fact]
    public async Task F05_UnlockConnector_FixedCableFails_UnknownConnector_OngoingTransaction()
    {
        await using var h = await StationHarness.StartAsync();
        var fixedCable = await h.Connection.CallAsync(new UnlockConnectorRequest { EvseId = 1, ConnectorId = 1 }, StationHarness.Wait);
        Assert.Equal(UnlockStatusEnumType.UnlockFailed, fixedCable.Status);

        var unknown = await h.Connection.CallAsync(new UnlockConnectorRequest { EvseId = 1, ConnectorId = 9 }, StationHarness.Wait);
        Assert.Equal(UnlockStatusEnumType.UnknownConnector, unknown.Status);

        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        await h.ExpectTransactionEventAsync();
        var busy = await h.Connection.CallAsync(new UnlockConnectorRequest { EvseId = 1, ConnectorId = 1 }, StationHarness.Wait);
        Assert.Equal(UnlockStatusEnumType.OngoingAuthorizedTransaction, busy.Status);
    }

    [Fact]
    public async Task F06_TriggerTransactionEventAndMeterValues()
    {
        await using var h = await StationHarness.StartAsync();
        var none = await h.Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.TransactionEvent }, StationHarness.Wait);
        Assert.Equal(TriggerMessageStatusEnumType.Rejected, none.Status);

        h.Connection.DisableAutoReply("MeterValues");
        var meter = await h.Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.MeterValues, Evse = new EVSEType { Id = 1 } }, StationHarness.Wait);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, meter.Status);
        var values = await h.Connection.ExpectCallAsync<MeterValuesRequest>(StationHarness.Wait);
        Assert.Equal(1, values.Request.EvseId);
        Assert.All(Assert.Single(values.Request.MeterValue).SampledValue, s => Assert.Equal(ReadingContextEnumType.Trigger, s.Context));
        await h.Connection.ReplyAsync(values, new MeterValuesResponse());

        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        await h.ExpectTransactionEventAsync();
        var triggered = await h.Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.TransactionEvent }, StationHarness.Wait);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, triggered.Status);
        var (_, updated) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TriggerReasonEnumType.Trigger, updated.TriggerReason);
        Assert.Equal(1, updated.SeqNo);
        Assert.Empty(h.Connection.SchemaViolations);
    }
}
