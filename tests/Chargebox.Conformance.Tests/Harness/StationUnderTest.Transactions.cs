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

    /// <summary>Reusable state Authorized, Main A, steps 1 and 2: the card presented, AuthorizeRequest with the
    /// configured idToken, answered Accepted.</summary>
    public async Task AuthorizeLocallyAsync()
    {
        PresentCard();
        var authorize = await Connection.ExpectCallAsync<AuthorizeRequest>(Timeout);
        Assert.Equal((ValidIdToken.IdToken, ValidIdToken.Type), (authorize.Request.IdToken.IdToken, authorize.Request.IdToken.Type));
        await Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });
    }

    /// <summary>Completes once the station took an authorization without an EV: it then arms EVConnectionTimeOut
    /// (E03.FR.05). A test waits for this before plugging in, so the cable does not overtake the authorization.
    /// The timeout must differ from every other timer the station arms meanwhile (MessageTimeout is 30 s).</summary>
    public Task EvConnectionTimerArmed(int evConnectionTimeOutSeconds = DefaultEvConnectionTimeOut) =>
        Time.NextTimer(TimeSpan.FromSeconds(evConnectionTimeOutSeconds)).WaitAsync(Timeout);

    /// <summary>TxCtrlr.EVConnectionTimeOut of the reference station's profile.</summary>
    public const int DefaultEvConnectionTimeOut = 120;

    /// <summary>Reusable state Authorized, Main B, steps 1 and 2: RequestStartTransaction for the configured
    /// idToken and EVSE, answered Accepted.</summary>
    public async Task<RequestStartTransactionResponse> RemoteStartAsync(int remoteStartId, ChargingProfileType? chargingProfile = null)
    {
        var response = await Connection.CallAsync(
            new RequestStartTransactionRequest { IdToken = ValidIdToken, EvseId = EvseId, RemoteStartId = remoteStartId, ChargingProfile = chargingProfile },
            Timeout);
        Assert.Equal(RequestStartStopStatusEnumType.Accepted, response.Status);
        return response;
    }

    /// <summary>Takes the next TransactionEventRequest and checks it belongs to <paramref name="transactionId"/>
    /// and carries <paramref name="trigger"/>.</summary>
    public async Task<TransactionEventRequest> ExpectTransactionEventAsync(string transactionId, TriggerReasonEnumType trigger)
    {
        var request = await ExpectTransactionEventAsync();
        Assert.Equal(transactionId, request.TransactionInfo.TransactionId);
        Assert.Equal(trigger, request.TriggerReason);
        return request;
    }

    /// <summary>Reusable state EVDisconnected after an ended transaction (fixed cable: disconnecting the EV is
    /// disconnecting it on the EV side): the connector reported Available, evseId and connectorId configured.</summary>
    public async Task EvDisconnectedAsync()
    {
        Unplug();
        var status = await ExpectStatusNotificationAsync();
        Assert.Equal((EvseId, ConnectorId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
    }

    /// <summary>Waits (wall clock, bounded) until the station has taken the CSMS's answers to every queued
    /// TransactionEvent: an answer reaches the station's loop a moment after the CSMS sent it, and a CALL the
    /// CSMS sends right after the answer can get there first.</summary>
    public async Task WaitForDeliveredAsync()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while ((await Store.MessageQueue.LoadAsync(CancellationToken.None)).Any(m => m.Action == "TransactionEvent"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The station still holds TransactionEvents the CSMS answered.");
            await Task.Delay(10);
        }
    }

    /// <summary>The OCTT closes the WebSocket and accepts no reconnection until <see cref="ReconnectAsync"/>:
    /// the station's back-off is <paramref name="backOffSeconds"/> (RetryBackOffWaitMinimum, random range 0),
    /// and fake time does not move until the test says so.</summary>
    public async Task GoOfflineAsync(int backOffSeconds)
    {
        var armed = Time.NextTimer(TimeSpan.FromSeconds(backOffSeconds));
        await Connection.CloseAsync();
        await Connection.WaitForDisconnectAsync(Timeout);
        await armed.WaitAsync(Timeout);
    }

    /// <summary>The OCTT accepts the reconnection: fake time moves by the back-off and the station connects.</summary>
    public async Task ReconnectAsync(int backOffSeconds)
    {
        Time.Advance(TimeSpan.FromSeconds(backOffSeconds));
        await NextConnectionAsync();
    }

    /// <summary>The Before of the offline test cases: OfflineThreshold RetryBackOffWaitMinimum + 60, random range 0.</summary>
    public async Task ConfigureReconnectAsync(int backOffSeconds)
    {
        await ConfigureAsync("OCPPCommCtrlr", "OfflineThreshold", $"{backOffSeconds + 60}");
        await ConfigureAsync("OCPPCommCtrlr", "RetryBackOffWaitMinimum", $"{backOffSeconds}");
        await ConfigureAsync("OCPPCommCtrlr", "RetryBackOffRandomRange", "0");
    }

    /// <summary>"The Charging Station will empty its Transaction message queue": takes every CALL in the order
    /// sent, answering TransactionEvents (collected) and StatusNotifications, until a TransactionEvent matches
    /// <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<TransactionEventRequest>> ExpectQueueEmptiedAsync(
        Func<TransactionEventRequest, bool> last,
        AuthorizationStatusEnumType idTokenStatus = AuthorizationStatusEnumType.Accepted)
    {
        var events = new List<TransactionEventRequest>();
        while (true)
        {
            var call = await Connection.ExpectCallAsync(null, Timeout);
            switch (call.Action)
            {
                case "StatusNotification":
                    await Connection.ReplyAsync(call, new StatusNotificationResponse());
                    break;
                case "TransactionEvent":
                    var request = System.Text.Json.JsonSerializer.Deserialize(call.Payload, Protocol.Json.OcppJsonContext.Default.TransactionEventRequest)!;
                    await Connection.ReplyAsync(call, new TransactionEventResponse
                    {
                        IdTokenInfo = request.IdToken is null ? null : new IdTokenInfoType { Status = idTokenStatus },
                    });
                    events.Add(request);
                    if (last(request))
                    {
                        return events;
                    }

                    break;
                default:
                    Assert.Fail($"Unexpected {call.Action} while the station empties its transaction queue.");
                    break;
            }
        }
    }
}
