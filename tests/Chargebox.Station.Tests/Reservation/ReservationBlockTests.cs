using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;
using static Chargebox.Station.Tests.SimulatedStationHarness;
using static Chargebox.Station.Tests.Reservation.ReservationHarness;

namespace Chargebox.Station.Tests.Reservation;

/// <summary>Functional block H on a station with two EVSEs, over a real WebSocket with fake time.</summary>
public sealed class ReservationBlockTests
{
    private static readonly IdTokenInfoType Accepted = new() { Status = AuthorizationStatusEnumType.Accepted };

    [Fact]
    public async Task A_station_without_reservations_answers_ReserveNow_with_CALLERROR_NotSupported()
    {
        await using var h = await StartAsync(reservation: false);

        var outcome = await h.Connection.CallAsync(
            "ReserveNow",
            new { id = 1, expiryDateTime = "2026-03-01T09:00:00Z", idToken = new { idToken = "04A1000001", type = "ISO14443" } },
            Wait);

        Assert.Equal("NotSupported", outcome.ErrorCode);
    }

    [Fact]
    public async Task H01_FR_20_unspecified_reservations_hold_every_free_EVSE_once_they_are_as_many()
    {
        await using var h = await StartAsync();

        // One reservation, two free EVSEs: nothing is held yet.
        Assert.Equal(ReserveNowStatusEnumType.Accepted, (await h.ReserveAsync(h.ReserveNow(1, null, Card1))).Status);

        // Two reservations, two free EVSEs: every connector is Reserved.
        Assert.Equal(ReserveNowStatusEnumType.Accepted, (await h.ReserveAsync(h.ReserveNow(2, null, Card2))).Status);
        var reserved = new[] { await h.ExpectStatusAsync(), await h.ExpectStatusAsync(), await h.ExpectStatusAsync() };
        Assert.Equal([(1, 1), (2, 1), (2, 2)], reserved.Select(s => (s.EvseId, s.ConnectorId)).Order());
        Assert.All(reserved, s => Assert.Equal(ConnectorStatusEnumType.Reserved, s.ConnectorStatus));

        // A third finds no EVSE left (H01.FR.11).
        Assert.Equal(ReserveNowStatusEnumType.Occupied, (await h.ReserveAsync(h.ReserveNow(3, null, Card2))).Status);
        await h.StatusAsync();
        Assert.Equal(6, h.Connection.Frames.Count(f => f.Direction == FrameDirection.FromStation && f.Text.Contains("\"StatusNotification\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task H03_a_held_EVSE_starts_only_for_a_reservation_holder_whose_transaction_names_the_reservation()
    {
        await using var h = await StartAsync();
        await h.ReserveAsync(h.ReserveNow(1, null, Card1));
        await h.ReserveAsync(h.ReserveNow(2, null, Card2));
        for (var i = 0; i < 3; i++)
        {
            await h.ExpectStatusAsync();
        }

        h.Charger.Plug(1, 1);
        Assert.Equal((1, ConnectorStatusEnumType.Occupied), await EvseAndStatusAsync(h));

        // A driver without a reservation would take an EVSE the two reservations need.
        var stranger = new IdTokenType { IdToken = "04A1000003", Type = IdTokenEnumType.ISO14443 };
        await h.AuthorizeAsync(stranger, 1, Accepted);
        Assert.Null((await h.StatusAsync()).Evses[0].Transaction);

        await h.AuthorizeAsync(Card2, 1, Accepted);
        var started = await h.Connection.ExpectCallAsync<TransactionEventRequest>(Wait);
        Assert.Equal((TransactionEventEnumType.Started, 2), (started.Request.EventType, started.Request.ReservationId));
        Assert.DoesNotContain(h.Connection.Frames, f => f.Text.Contains("\"ReservationStatusUpdate\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reservation_survives_a_power_cut_and_expires_afterwards_H04()
    {
        await using var h = await StartAsync();
        Assert.Equal(ReserveNowStatusEnumType.Accepted, (await h.ReserveAsync(h.ReserveNow(7, 2, Card1, TimeSpan.FromMinutes(10)))).Status);
        Assert.Equal((2, ConnectorStatusEnumType.Reserved), await EvseAndStatusAsync(h));
        Assert.Equal((2, ConnectorStatusEnumType.Reserved), await EvseAndStatusAsync(h));

        await h.PowerCutAsync();
        var reported = await h.PowerUpAsync();
        Assert.Equal(ConnectorStatusEnumType.Available, reported[(1, 1)]);
        Assert.Equal(ConnectorStatusEnumType.Reserved, reported[(2, 1)]);
        Assert.Equal(ConnectorStatusEnumType.Reserved, reported[(2, 2)]);

        h.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal((2, ConnectorStatusEnumType.Available), await EvseAndStatusAsync(h));
        Assert.Equal((2, ConnectorStatusEnumType.Available), await EvseAndStatusAsync(h));
        var expired = await h.Connection.ExpectCallAsync<ReservationStatusUpdateRequest>(Wait);
        Assert.Equal((7, ReservationUpdateStatusEnumType.Expired), (expired.Request.ReservationId, expired.Request.ReservationUpdateStatus));
        await h.Connection.ReplyAsync(expired, new ReservationStatusUpdateResponse());
        Assert.Empty(await h.Store.Reservations.LoadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task H01_FR_17_a_fault_on_the_reserved_EVSE_removes_the_reservation_and_new_ones_are_Faulted()
    {
        await using var h = await StartAsync();
        await h.ReserveAsync(h.ReserveNow(4, 1, Card1));
        Assert.Equal((1, ConnectorStatusEnumType.Reserved), await EvseAndStatusAsync(h));

        h.Charger.SetFault(1, 1, true);
        Assert.Equal((1, ConnectorStatusEnumType.Faulted), await EvseAndStatusAsync(h));
        var removed = await h.Connection.ExpectCallAsync<ReservationStatusUpdateRequest>(Wait);
        Assert.Equal((4, ReservationUpdateStatusEnumType.Removed), (removed.Request.ReservationId, removed.Request.ReservationUpdateStatus));
        await h.Connection.ReplyAsync(removed, new ReservationStatusUpdateResponse());

        Assert.Equal(ReserveNowStatusEnumType.Faulted, (await h.ReserveAsync(h.ReserveNow(5, 1, Card1))).Status);
    }

    [Fact]
    public async Task Requests_the_station_cannot_serve_are_Rejected_with_a_reason()
    {
        await using var h = await StartAsync();

        Assert.Equal("UnknownEvse", (await h.ReserveAsync(h.ReserveNow(1, 9, Card1))).StatusInfo?.ReasonCode);
        Assert.Equal("UnknownConnectorType", (await h.ReserveAsync(h.ReserveNow(1, 1, Card1, connectorType: ConnectorEnumType.CType1))).StatusInfo?.ReasonCode);
        Assert.Equal("UnknownConnectorType", (await h.ReserveAsync(h.ReserveNow(1, null, Card1, connectorType: ConnectorEnumType.CCCS2))).StatusInfo?.ReasonCode);
        Assert.Equal("InvalidValue", (await h.ReserveAsync(h.ReserveNow(1, 1, Card1, TimeSpan.FromSeconds(-1)))).StatusInfo?.ReasonCode);
        Assert.Empty(await h.Store.Reservations.LoadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task H01_FR_01_ReservationCtrlr_Enabled_false_rejects_reservations()
    {
        await using var h = await StartAsync();
        var set = await h.Connection.CallAsync(
            new SetVariablesRequest { SetVariableData = [new SetVariableDataType { Component = new ComponentType { Name = "ReservationCtrlr" }, Variable = new VariableType { Name = "Enabled" }, AttributeValue = "false" }] },
            Wait);
        Assert.Equal(SetVariableStatusEnumType.Accepted, set.SetVariableResult[0].AttributeStatus);

        var response = await h.ReserveAsync(h.ReserveNow(1, 1, Card1));

        Assert.Equal((ReserveNowStatusEnumType.Rejected, "ReservationDisabled"), (response.Status, response.StatusInfo?.ReasonCode));
    }

    private static async Task<(int EvseId, ConnectorStatusEnumType Status)> EvseAndStatusAsync(ReservationHarness h)
    {
        var status = await h.ExpectStatusAsync();
        return (status.EvseId, status.ConnectorStatus);
    }
}
