using Chargebox.Protocol.Messages;
using Chargebox.Station.Profiles;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>Functional block H: the reference station with reservations turned on in its profile (ReservationCtrlr
/// Available, Enabled, NonEvseSpecific), and the reusable state Reserved.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>&lt;Generated reservationId&gt; of the reusable state Reserved.</summary>
    public const int ReservationId = 17;

    /// <summary>The reference station plus reservations; <paramref name="variables"/> are further profile overrides
    /// (e.g. ReservationCtrlr.NonEvseSpecific false).</summary>
    public static StationUnderTestSetup WithReservations(params (string Component, string Variable, string Value)[] variables) => new()
    {
        Station = options => options with
        {
            Profile = StationProfile.Reference with
            {
                Reservation = true,
                Variables = [.. variables.Select(v => new VariableOverride { Component = v.Component, Variable = v.Variable, Value = v.Value })],
            },
        },
    };

    /// <summary>A ReserveNowRequest for the configured valid idToken unless told otherwise, expiring after <paramref name="expiresIn"/>
    /// (60 s by default, as TC_H_07_CS expects).</summary>
    public ReserveNowRequest ReserveNow(int id, int? evseId, IdTokenType? token = null, IdTokenType? group = null, ConnectorEnumType? connectorType = null, TimeSpan? expiresIn = null) => new()
    {
        Id = id,
        EvseId = evseId,
        IdToken = token ?? ValidIdToken,
        GroupIdToken = group,
        ConnectorType = connectorType,
        ExpiryDateTime = Time.GetUtcNow() + (expiresIn ?? TimeSpan.FromSeconds(60)),
    };

    /// <summary>Sends the ReserveNowRequest and returns the station's status.</summary>
    public async Task<ReserveNowStatusEnumType> ReserveAsync(ReserveNowRequest request) =>
        (await Connection.CallAsync(request, Timeout)).Status;

    /// <summary>Steps 3 and 4 of Reserved: the configured connector reported Reserved.</summary>
    public async Task ExpectReservedAsync()
    {
        var status = await ExpectStatusNotificationAsync();
        Assert.Equal((EvseId, ConnectorId, ConnectorStatusEnumType.Reserved), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
    }

    /// <summary>Reusable state Reserved: ReserveNow for the EVSE (configured by default) and token, Accepted, then the
    /// connector reported Reserved. Waits until the expiry timer is armed, so a test may move the clock at once.</summary>
    public async Task ReservedAsync(int? evseId = null, IdTokenType? token = null, IdTokenType? group = null, int id = ReservationId)
    {
        var expiryArmed = Time.NextTimer(TimeSpan.FromSeconds(60));

        // Step 2: status Accepted.
        Assert.Equal(ReserveNowStatusEnumType.Accepted, await ReserveAsync(ReserveNow(id, evseId ?? EvseId, token, group)));

        // Step 3: connectorStatus Reserved, evseId and connectorId not 0.
        await ExpectReservedAsync();
        await expiryArmed.WaitAsync(Timeout);
    }

    /// <summary>Takes the next ReservationStatusUpdateRequest, checks it, and answers it.</summary>
    public async Task ExpectReservationStatusUpdateAsync(int reservationId, ReservationUpdateStatusEnumType status)
    {
        var update = await Connection.ExpectCallAsync<ReservationStatusUpdateRequest>(Timeout);
        Assert.Equal((reservationId, status), (update.Request.ReservationId, update.Request.ReservationUpdateStatus));
        await Connection.ReplyAsync(update, new ReservationStatusUpdateResponse());
    }

    /// <summary>Reusable states Authorized (local card, AuthorizeRequest answered with <paramref name="answer"/>) at an
    /// idle EVSE whose reservation the token uses: the connector turns from Reserved to Available (TC_H_01_CS step 2).</summary>
    public async Task AuthorizedOnReservationAsync(IdTokenType token, IdTokenInfoType answer)
    {
        PresentCard(token);
        await ExpectAuthorizeAsync(token, answer);
        var status = await ExpectStatusNotificationAsync();
        Assert.Equal((EvseId, ConnectorId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
    }

    /// <summary>Reusable state EnergyTransferStarted after the authorization: plug in (Occupied), then the transaction
    /// Started, and charging (in Started or the Updated event after it); returns the Started event.</summary>
    public async Task<TransactionEventRequest> EnergyTransferStartedAfterPlugAsync(IdTokenType token)
    {
        await EvConnectedPreSessionAsync();
        var started = await ExpectTransactionEventAsync(Info(AuthorizationStatusEnumType.Accepted));
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal((token.IdToken, token.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        if (started.TransactionInfo.ChargingState != ChargingStateEnumType.Charging)
        {
            // The EV draws a moment after the cable: Charging follows in an Updated event.
            var charging = await ExpectTransactionEventAsync(Info(AuthorizationStatusEnumType.Accepted));
            Assert.Equal((started.TransactionInfo.TransactionId, ChargingStateEnumType.Charging), (charging.TransactionInfo.TransactionId, charging.TransactionInfo.ChargingState));
        }

        Assert.True(EnergyFlows);
        return started;
    }
}
