using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The transaction reusable states (EnergyTransferStarted, StopAuthorized) as the OCTT plays them on the
/// reference station (TxStartPoint PowerPathClosed, TxStopPoint EVConnected,Authorized), with their tool validations.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>The test case's &lt;Configured valid_idtoken_idtoken&gt; and &lt;Configured valid_idtoken_type&gt;.</summary>
    public static IdTokenType ValidIdToken { get; } = new() { IdToken = "04C0FFEE01", Type = IdTokenEnumType.ISO14443 };

    /// <summary>Manual Action: Present idToken (the configured valid one unless told otherwise).</summary>
    public void PresentCard(IdTokenType? token = null) => Charger.PresentToken(token ?? ValidIdToken, EvseId);

    /// <summary>Takes the next TransactionEventRequest and answers it (idTokenInfo Accepted when it carries an idToken).</summary>
    public async Task<TransactionEventRequest> ExpectTransactionEventAsync()
    {
        var call = await Connection.ExpectCallAsync<TransactionEventRequest>(Timeout);
        await Connection.ReplyAsync(call, new TransactionEventResponse
        {
            IdTokenInfo = call.Request.IdToken is null ? null : new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted },
        });
        return call.Request;
    }

    /// <summary>Reusable state EnergyTransferStarted from the idle station: EVConnectedPreSession (plug, Occupied),
    /// Authorized by local card (Authorize Accepted), then the transaction starts charging. Returns its transactionId.</summary>
    public async Task<string> EnergyTransferStartedAsync()
    {
        await EvConnectedPreSessionAsync();

        // Authorized, Main A. Step 1: AuthorizeRequest with the configured idToken; step 2: Accepted.
        PresentCard();
        var authorize = await Connection.ExpectCallAsync<AuthorizeRequest>(Timeout);
        Assert.Equal((ValidIdToken.IdToken, ValidIdToken.Type), (authorize.Request.IdToken.IdToken, authorize.Request.IdToken.Type));
        await Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });

        // Authorized step 3 / EnergyTransferStarted step 9 (PowerPathClosed closes the relay at once after the
        // authorization, so one event carries both): Started, triggerReason Authorized, the idToken, the EVSE
        // and connector, chargingState Charging.
        var started = await ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(TriggerReasonEnumType.Authorized, started.TriggerReason);
        Assert.Equal((ValidIdToken.IdToken, ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.Equal((EvseId, ConnectorId), (started.Evse?.Id, started.Evse?.ConnectorId));
        Assert.Equal(ChargingStateEnumType.Charging, started.TransactionInfo.ChargingState);
        return started.TransactionInfo.TransactionId;
    }

    /// <summary>Reusable state StopAuthorized, Main A (local, errata 2025-04): the same idToken presented again;
    /// a TransactionEventRequest with triggerReason StopAuthorized, optionally followed by one with
    /// ChargingStateChanged/EVConnected; with TxStopPoint Authorized the last is Ended, stoppedReason Local or omitted.</summary>
    public async Task<TransactionEventRequest> StopAuthorizedAsync(string transactionId)
    {
        PresentCard();
        var first = await ExpectTransactionEventAsync();
        Assert.Equal(transactionId, first.TransactionInfo.TransactionId);
        Assert.Equal(TriggerReasonEnumType.StopAuthorized, first.TriggerReason);
        Assert.True(first.IdToken is null || (first.IdToken.IdToken, first.IdToken.Type) == (ValidIdToken.IdToken, ValidIdToken.Type));

        var last = first;
        if (first.EventType != TransactionEventEnumType.Ended)
        {
            last = await ExpectTransactionEventAsync();
            Assert.Equal(TriggerReasonEnumType.ChargingStateChanged, last.TriggerReason);
            Assert.Equal(ChargingStateEnumType.EVConnected, last.TransactionInfo.ChargingState);
        }

        Assert.Equal(TransactionEventEnumType.Ended, last.EventType);
        Assert.True(last.TransactionInfo.StoppedReason is null or ReasonEnumType.Local, $"stoppedReason {last.TransactionInfo.StoppedReason}");
        return last;
    }
}
