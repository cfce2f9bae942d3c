using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Availability;

/// <summary>G03 and G04: Change Availability of an EVSE, a connector or the whole station (Part 6, TC_G_03 to
/// TC_G_21 without the transaction cases).</summary>
public sealed class ChangeAvailabilityTests
{
    private static int EvseId => StationUnderTest.EvseId;

    private static int ConnectorId => StationUnderTest.ConnectorId;

    [Fact]
    public async Task TC_G_03_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1. Execute Reusable State Unavailable for the configured EVSE.
        await sut.UnavailableAsync(EvseId);
    }

    [Fact]
    public async Task TC_G_04_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.UnavailableAsync(EvseId);

        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Operative, ConnectorStatusEnumType.Available, EvseId);
    }

    [Fact]
    public async Task TC_G_05_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1. Execute Reusable State Unavailable for the whole station.
        await sut.UnavailableAsync();
    }

    [Fact]
    public async Task TC_G_06_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.UnavailableAsync();

        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Operative, ConnectorStatusEnumType.Available);
    }

    [Fact]
    public async Task TC_G_07_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1. Execute Reusable State Unavailable for the configured connector.
        await sut.UnavailableAsync(EvseId, ConnectorId);
    }

    [Fact]
    public async Task TC_G_08_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.UnavailableAsync(EvseId, ConnectorId);

        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Operative, ConnectorStatusEnumType.Available, EvseId, ConnectorId);
    }

    [Fact]
    public async Task TC_G_09_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. Operative to Operative: Accepted (G03.FR.03), the connector stays Available.
        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Operative, ConnectorStatusEnumType.Available, EvseId);
    }

    [Fact]
    public async Task TC_G_10_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.UnavailableAsync(EvseId);

        // 1-2. Inoperative to Inoperative: Accepted (G03.FR.03).
        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Inoperative, ConnectorStatusEnumType.Unavailable, EvseId);
    }

    [Fact]
    public async Task TC_G_12_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Operative, ConnectorStatusEnumType.Available);
    }

    [Fact]
    public async Task TC_G_13_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.UnavailableAsync();

        // 1-4. Inoperative to Inoperative: Accepted, and every connector reported Unavailable again.
        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Inoperative, ConnectorStatusEnumType.Unavailable);
    }

    [Fact]
    public async Task TC_G_15_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Operative, ConnectorStatusEnumType.Available, EvseId, ConnectorId);
    }

    [Fact]
    public async Task TC_G_16_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.UnavailableAsync(EvseId, ConnectorId);

        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Inoperative, ConnectorStatusEnumType.Unavailable, EvseId, ConnectorId);
    }

    [Fact]
    public async Task TC_G_18_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: state is Unavailable; 1-4. ChangeAvailability Inoperative for the configured EVSE: Accepted,
        // its connectors Unavailable, the others Available.
        await ChangeAndExpectAsync(sut, OperationalStatusEnumType.Inoperative, ConnectorStatusEnumType.Unavailable, EvseId);

        // 5. Execute Reusable State Booted: after the reboot the EVSE is still Unavailable (G03.FR.08).
        await sut.BootedByResetAsync(expectedStatus: ConnectorStatusEnumType.Unavailable);
    }

    [Fact]
    public async Task TC_G_19_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.UnavailableAsync(EvseId, ConnectorId);

        // 1. Execute Reusable State Booting (Reset Immediate, Accepted).
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.Immediate }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);
        await sut.WaitForRebootAsync();

        // 2-5. BootNotification, then the connector still Unavailable (G03.FR.08).
        await sut.AcceptBootAsync(expectedStatus: ConnectorStatusEnumType.Unavailable);

        // 6-7 (SecurityEventNotification StartupOfTheDevice) need the security block (functional block A).
    }

    [Fact]
    public async Task TC_G_21_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.UnavailableAsync();

        // 1. Execute Reusable State Booting, here as a power cut: what is persisted must survive it (G04.FR.09).
        await sut.PowerCycleAsync();

        // 2-5. BootNotification, then every connector still Unavailable.
        var boot = await sut.AcceptBootAsync(expectedStatus: ConnectorStatusEnumType.Unavailable);
        Assert.Equal(BootReasonEnumType.PowerUp, boot.Reason);

        // 6-7 (SecurityEventNotification StartupOfTheDevice) need the security block (functional block A).
    }

    [Fact]
    public async Task TC_G_11_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: State is EnergyTransferStarted.
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. ChangeAvailability Inoperative for the EVSE with a transaction: Scheduled (G03.FR.05); the
        // connector stays Occupied while the transaction runs.
        var response = await sut.Connection.CallAsync(StationUnderTest.ChangeAvailability(OperationalStatusEnumType.Inoperative, EvseId), StationUnderTest.Timeout);
        Assert.Equal(ChangeAvailabilityStatusEnumType.Scheduled, response.Status);

        await ExpectUnavailableOnceEndedAsync(sut, transactionId);
    }

    [Fact]
    public async Task TC_G_14_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: State is EnergyTransferStarted.
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. ChangeAvailability Inoperative for the station with a transaction: Scheduled (G04.FR.06); the
        // connector stays Occupied while the transaction runs.
        var response = await sut.Connection.CallAsync(StationUnderTest.ChangeAvailability(OperationalStatusEnumType.Inoperative), StationUnderTest.Timeout);
        Assert.Equal(ChangeAvailabilityStatusEnumType.Scheduled, response.Status);

        // 3-4. The reference station has no EVSE without a transaction: nothing to report yet.
        await ExpectUnavailableOnceEndedAsync(sut, transactionId);
    }

    [Fact]
    public async Task TC_G_17_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: State is EnergyTransferStarted.
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. ChangeAvailability Inoperative for the connector with a transaction: Scheduled (G03.FR.05); the
        // connector stays Occupied while the transaction runs.
        var response = await sut.Connection.CallAsync(StationUnderTest.ChangeAvailability(OperationalStatusEnumType.Inoperative, EvseId, ConnectorId), StationUnderTest.Timeout);
        Assert.Equal(ChangeAvailabilityStatusEnumType.Scheduled, response.Status);

        await ExpectUnavailableOnceEndedAsync(sut, transactionId);
    }

    /// <summary>Steps 1 to 4 of the G03/G04 cases: ChangeAvailability Accepted, then every connector of the
    /// station reported, with <paramref name="inScope"/> for the ones the request names and Available for the others.</summary>
    private static async Task ChangeAndExpectAsync(StationUnderTest sut, OperationalStatusEnumType status, ConnectorStatusEnumType inScope, int? evseId = null, int? connectorId = null)
    {
        var response = await sut.Connection.CallAsync(StationUnderTest.ChangeAvailability(status, evseId, connectorId), StationUnderTest.Timeout);
        Assert.Equal(ChangeAvailabilityStatusEnumType.Accepted, response.Status);

        var scope = StationUnderTest.ConnectorsIn(evseId, connectorId).ToHashSet();
        foreach (var _ in scope)
        {
            var reported = await sut.ExpectStatusNotificationAsync();
            Assert.Contains((reported.EvseId, reported.ConnectorId), scope);
            Assert.NotEqual(0, reported.EvseId);
            Assert.NotEqual(0, reported.ConnectorId);
            Assert.Equal(inScope, reported.ConnectorStatus);
        }
    }

    /// <summary>The rest of G_11, G_14 and G_17: StopAuthorized ends the transaction (TxStopPoint Authorized), so
    /// the scheduled change happens then and the configured connector is reported Unavailable (evseId and
    /// connectorId not 0); the later reusable states (EVConnectedPostSession, EVDisconnected,
    /// ParkingBayUnoccupied) follow an ended transaction, and unplugging leaves the connector Unavailable.</summary>
    private static async Task ExpectUnavailableOnceEndedAsync(StationUnderTest sut, string transactionId)
    {
        Assert.Equal(ConnectorStatusEnumType.Occupied, (await sut.Station.GetStatusAsync(CancellationToken.None)).Evses[0].Connectors[0].Status);

        await sut.StopAuthorizedAsync(transactionId);
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((EvseId, ConnectorId, ConnectorStatusEnumType.Unavailable), (status.EvseId, status.ConnectorId, status.ConnectorStatus));

        sut.Unplug();
        var after = await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        Assert.Equal(ConnectorStatusEnumType.Unavailable, after.Evses[0].Connectors[0].Status);
    }
}
