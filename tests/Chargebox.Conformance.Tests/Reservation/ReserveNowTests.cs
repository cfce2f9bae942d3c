using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using static Chargebox.Conformance.Tests.Harness.StationUnderTest;

namespace Chargebox.Conformance.Tests.Reservation;

/// <summary>H01 and H03: ReserveNow for a specific EVSE, an unspecified EVSE or a connector type, and its use by the
/// driver it is for (Part 6, TC_H_01 to TC_H_16, TC_H_19, TC_H_22 to TC_H_24), on the reference station with
/// reservations turned on in its profile.</summary>
public sealed class ReserveNowTests
{
    [Fact]
    public async Task TC_H_01_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // 1. Reserved for the configured EVSE.
        await sut.ReservedAsync();

        // 2. Authorized with the valid idToken: the connector turns from Reserved to Available.
        await sut.AuthorizedOnReservationAsync(ValidIdToken, Info(AuthorizationStatusEnumType.Accepted));

        // 3. EnergyTransferStarted; the transaction names the reservation it used (H03.FR.09).
        var started = await sut.EnergyTransferStartedAfterPlugAsync(ValidIdToken);
        Assert.Equal(ReservationId, started.ReservationId);
    }

    [Fact]
    public async Task TC_H_02_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.ReservedAsync();
        await sut.EvConnectedPreSessionAsync();

        // Main A: another driver's token is authorized by the CSMS, but no charging starts on the reserved EVSE.
        var frames = sut.Connection.Frames.Count;
        sut.PresentCard(ValidIdToken2);
        await sut.ExpectAuthorizeAsync(ValidIdToken2, Info(AuthorizationStatusEnumType.Accepted));
        await sut.AssertNotSentAsync("TransactionEvent", frames);
        Assert.False(sut.EnergyFlows);

        // Main B: RequestStartTransaction for the other token is Rejected (H03.FR.01).
        var response = await sut.Connection.CallAsync(
            new RequestStartTransactionRequest { IdToken = ValidIdToken2, EvseId = EvseId, RemoteStartId = 42 }, StationUnderTest.Timeout);
        Assert.Equal(RequestStartStopStatusEnumType.Rejected, response.Status);
    }

    [Fact]
    public async Task TC_H_03_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.ReservedAsync();

        Assert.Equal(ReserveNowStatusEnumType.Occupied, await sut.ReserveAsync(sut.ReserveNow(ReservationId + 1, EvseId, ValidIdToken2)));
    }

    [Fact]
    public async Task TC_H_04_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.EnergyTransferStartedAsync();

        Assert.Equal(ReserveNowStatusEnumType.Occupied, await sut.ReserveAsync(sut.ReserveNow(ReservationId, EvseId, ValidIdToken2)));
    }

    [Fact]
    public async Task TC_H_06_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.UnavailableAsync(EvseId);

        Assert.Equal(ReserveNowStatusEnumType.Unavailable, await sut.ReserveAsync(sut.ReserveNow(ReservationId, EvseId, ValidIdToken2)));
    }

    [Fact]
    public async Task TC_H_07_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.ReservedAsync();

        // 1-2. The 60 s expire: the connector is Available again.
        sut.Time.Advance(TimeSpan.FromSeconds(60));
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((EvseId, ConnectorId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));

        // 3-4. ReservationStatusUpdate Expired for the reservation.
        await sut.ExpectReservationStatusUpdateAsync(ReservationId, ReservationUpdateStatusEnumType.Expired);

        // 5-6. Anyone may charge now: Authorized with the second token, then EnergyTransferStarted without a reservation.
        var armed = sut.EvConnectionTimerArmed();
        sut.PresentCard(ValidIdToken2);
        await sut.ExpectAuthorizeAsync(ValidIdToken2, Info(AuthorizationStatusEnumType.Accepted));
        await armed;
        var started = await sut.EnergyTransferStartedAfterPlugAsync(ValidIdToken2);
        Assert.Null(started.ReservationId);
    }

    [Fact]
    public async Task TC_H_08_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // 1-2. An unspecified EVSE: Accepted.
        Assert.Equal(ReserveNowStatusEnumType.Accepted, await sut.ReserveAsync(sut.ReserveNow(ReservationId, evseId: null)));

        // 3. With one EVSE, that EVSE is Reserved (H01.FR.20).
        await sut.ExpectReservedAsync();

        // Authorized with the valid idToken (errata 2025-02), then EnergyTransferStarted using the reservation.
        await sut.AuthorizedOnReservationAsync(ValidIdToken, Info(AuthorizationStatusEnumType.Accepted));
        var started = await sut.EnergyTransferStartedAfterPlugAsync(ValidIdToken);
        Assert.Equal(ReservationId, started.ReservationId);
    }

    [Fact]
    public async Task TC_H_09_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // Before: every EVSE is Reserved.
        await sut.ReservedAsync();

        Assert.Equal(ReserveNowStatusEnumType.Occupied, await sut.ReserveAsync(sut.ReserveNow(ReservationId + 1, evseId: null)));
    }

    [Fact]
    public async Task TC_H_10_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.EnergyTransferStartedAsync();

        Assert.Equal(ReserveNowStatusEnumType.Occupied, await sut.ReserveAsync(sut.ReserveNow(ReservationId, evseId: null)));
    }

    [Fact]
    public async Task TC_H_12_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.UnavailableAsync();

        Assert.Equal(ReserveNowStatusEnumType.Unavailable, await sut.ReserveAsync(sut.ReserveNow(ReservationId, evseId: null)));
    }

    [Fact]
    public async Task TC_H_13_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations(("ReservationCtrlr", "NonEvseSpecific", "false")));

        // H01.FR.19: without NonEvseSpecific a reservation must name its EVSE.
        Assert.Equal(ReserveNowStatusEnumType.Rejected, await sut.ReserveAsync(sut.ReserveNow(ReservationId, evseId: null)));
    }

    [Fact]
    public async Task TC_H_14_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // 1-2. As many reservations of an unspecified EVSE as the station has EVSEs (one), each with its own token.
        Assert.Equal(ReserveNowStatusEnumType.Accepted, await sut.ReserveAsync(sut.ReserveNow(ReservationId, evseId: null, ValidIdToken2)));

        // 3. Every connector is Reserved.
        await sut.ExpectReservedAsync();
    }

    [Fact]
    public async Task TC_H_15_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // 1-2. The configured connector type, no EVSE: Accepted.
        Assert.Equal(ReserveNowStatusEnumType.Accepted, await sut.ReserveAsync(sut.ReserveNow(ReservationId, evseId: null, connectorType: ConnectorEnumType.CType1)));

        // 3. The only connector of that type is Reserved.
        await sut.ExpectReservedAsync();

        // 5-6. Authorized and EnergyTransferStarted using the reservation.
        await sut.AuthorizedOnReservationAsync(ValidIdToken, Info(AuthorizationStatusEnumType.Accepted));
        var started = await sut.EnergyTransferStartedAfterPlugAsync(ValidIdToken);
        Assert.Equal(ReservationId, started.ReservationId);
    }

    [Fact]
    public async Task TC_H_16_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // Before: every EVSE is Reserved.
        await sut.ReservedAsync();

        Assert.Equal(ReserveNowStatusEnumType.Occupied, await sut.ReserveAsync(sut.ReserveNow(ReservationId + 1, evseId: null, connectorType: ConnectorEnumType.CType1)));
    }

    [Fact]
    public async Task TC_H_19_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // 1-3. Reserved for the valid idToken and the configured group.
        await sut.ReservedAsync(group: GroupIdToken);

        // Authorized with another token of the same group (the CSMS tells its group): the reservation is used (H03.FR.04).
        await sut.AuthorizedOnReservationAsync(ValidIdToken2, Info(AuthorizationStatusEnumType.Accepted, GroupIdToken));
        var started = await sut.EnergyTransferStartedAfterPlugAsync(ValidIdToken2);
        Assert.Equal(ReservationId, started.ReservationId);
    }

    [Fact]
    public async Task TC_H_22_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.ConfigureAsync("ReservationCtrlr", "Enabled", "false");

        // H01.FR.01: configured not to take reservations.
        Assert.Equal(ReserveNowStatusEnumType.Rejected, await sut.ReserveAsync(sut.ReserveNow(ReservationId, EvseId)));
    }

    [Fact]
    public async Task TC_H_23_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // Before: a reservation on the configured EVSE for the valid idToken.
        await sut.ReservedAsync();

        // 1-2. The same id for the second token replaces it (H01.FR.02).
        Assert.Equal(ReserveNowStatusEnumType.Accepted, await sut.ReserveAsync(sut.ReserveNow(ReservationId, EvseId, ValidIdToken2)));
        await sut.ExpectReservedAsync();

        // 3-4. The second token uses it.
        await sut.AuthorizedOnReservationAsync(ValidIdToken2, Info(AuthorizationStatusEnumType.Accepted));
        var started = await sut.EnergyTransferStartedAfterPlugAsync(ValidIdToken2);
        Assert.Equal(ReservationId, started.ReservationId);
    }

    [Fact]
    public async Task TC_H_24_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // 1-2. An unspecified EVSE for the valid idToken and the configured group: Accepted.
        Assert.Equal(ReserveNowStatusEnumType.Accepted, await sut.ReserveAsync(sut.ReserveNow(ReservationId, evseId: null, group: GroupIdToken)));

        // 3-4. The only EVSE is Reserved.
        await sut.ExpectReservedAsync();

        // 5-6. Another token of the group uses it (H03.FR.06).
        await sut.AuthorizedOnReservationAsync(ValidIdToken2, Info(AuthorizationStatusEnumType.Accepted, GroupIdToken));
        var started = await sut.EnergyTransferStartedAfterPlugAsync(ValidIdToken2);
        Assert.Equal(ReservationId, started.ReservationId);
    }
}
