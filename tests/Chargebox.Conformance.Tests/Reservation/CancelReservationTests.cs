using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using static Chargebox.Conformance.Tests.Harness.StationUnderTest;

namespace Chargebox.Conformance.Tests.Reservation;

/// <summary>H02 and the reservations the station ends itself (Part 6 TC_H_17, TC_H_18, TC_H_21), and a reservation
/// across a reset (TC_B_24).</summary>
public sealed class CancelReservationTests
{
    [Fact]
    public async Task TC_H_17_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.ReservedAsync();

        // 1-2. Accepted (H02.FR.02).
        var response = await sut.Connection.CallAsync(new CancelReservationRequest { ReservationId = ReservationId }, StationUnderTest.Timeout);
        Assert.Equal(CancelReservationStatusEnumType.Accepted, response.Status);

        // 3-4. The connector is Available again.
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((EvseId, ConnectorId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
    }

    [Fact]
    public async Task TC_H_18_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());

        // 1-2. No reservation 1: Rejected (H02.FR.01).
        var response = await sut.Connection.CallAsync(new CancelReservationRequest { ReservationId = 1 }, StationUnderTest.Timeout);
        Assert.Equal(CancelReservationStatusEnumType.Rejected, response.Status);
    }

    [Fact]
    public async Task TC_H_21_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.ReservedAsync();

        // 1-4. The EVSE is made Inoperative: Accepted, every connector Unavailable.
        await sut.UnavailableAsync(EvseId);

        // 5-6. The station cancels the reservation: ReservationStatusUpdate Removed (H01.FR.17).
        await sut.ExpectReservationStatusUpdateAsync(ReservationId, ReservationUpdateStatusEnumType.Removed);

        // 7-10. Operative again: Accepted, the connector Available (not Reserved: the reservation is gone).
        var operative = await sut.Connection.CallAsync(ChangeAvailability(OperationalStatusEnumType.Operative, EvseId), StationUnderTest.Timeout);
        Assert.Equal(ChangeAvailabilityStatusEnumType.Accepted, operative.Status);
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((EvseId, ConnectorId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));

        // 11-12. Another driver may charge.
        var armed = sut.EvConnectionTimerArmed();
        sut.PresentCard(ValidIdToken2);
        await sut.ExpectAuthorizeAsync(ValidIdToken2, Info(AuthorizationStatusEnumType.Accepted));
        await armed;
        var started = await sut.EnergyTransferStartedAfterPlugAsync(ValidIdToken2);
        Assert.Null(started.ReservationId);
    }

    [Fact]
    public async Task TC_B_24_CS()
    {
        await using var sut = await StartBootedAsync(WithReservations());
        await sut.ReservedAsync();

        // 1-2. Reset OnIdle: Accepted; the station reboots.
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);
        await sut.WaitForRebootAsync();

        // 3-4. BootNotification reason RemoteReset.
        var boot = await sut.ExpectBootNotificationAsync(RegistrationStatusEnumType.Accepted);
        Assert.Equal(BootReasonEnumType.RemoteReset, boot.Reason);

        // 5-6. The reserved connector still reports Reserved: the reservation was kept across the reboot.
        var reported = await sut.ExpectEveryConnectorReportedAsync();
        Assert.Equal(ConnectorStatusEnumType.Reserved, reported[(EvseId, ConnectorId)]);
    }
}
