using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The reusable states of Part 6 (section 2.18) as the OCTT plays them, with their tool validations.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>Takes the station's BootNotificationRequest and answers it.</summary>
    public async Task<BootNotificationRequest> ExpectBootNotificationAsync(RegistrationStatusEnumType status, int interval = 300)
    {
        var boot = await Connection.ExpectCallAsync<BootNotificationRequest>(Timeout);
        await Connection.ReplyAsync(boot, new BootNotificationResponse { CurrentTime = Time.GetUtcNow(), Interval = interval, Status = status });
        return boot.Request;
    }

    /// <summary>Takes the next StatusNotificationRequest and acknowledges it (empty response).</summary>
    public async Task<StatusNotificationRequest> ExpectStatusNotificationAsync()
    {
        var status = await Connection.ExpectCallAsync<StatusNotificationRequest>(Timeout);
        await Connection.ReplyAsync(status, new StatusNotificationResponse());
        return status.Request;
    }

    /// <summary>"[CS] reports the current state of every connector": one StatusNotificationRequest per connector
    /// of the station, in any order, keyed by (evseId, connectorId).</summary>
    public async Task<IReadOnlyDictionary<(int EvseId, int ConnectorId), ConnectorStatusEnumType>> ExpectEveryConnectorReportedAsync()
    {
        var reported = new Dictionary<(int, int), ConnectorStatusEnumType>();
        var expected = ReferenceHardware.Evses.SelectMany(e => e.Connectors.Select(c => (e.Id, c.Id))).ToHashSet();
        while (!expected.SetEquals(reported.Keys))
        {
            var status = await ExpectStatusNotificationAsync();
            Assert.Contains((status.EvseId, status.ConnectorId), expected);
            reported[(status.EvseId, status.ConnectorId)] = status.ConnectorStatus;
        }

        return reported;
    }

    /// <summary>Steps 3 to 6 of reusable state Booted: BootNotification Accepted, then every connector
    /// reported (Available unless the test case says otherwise).</summary>
    public async Task<BootNotificationRequest> AcceptBootAsync(ConnectorStatusEnumType expectedStatus = ConnectorStatusEnumType.Available)
    {
        var boot = await ExpectBootNotificationAsync(RegistrationStatusEnumType.Accepted);
        var reported = await ExpectEveryConnectorReportedAsync();

        // Step 5: connectorStatus Available; evseId not 0; connectorId not 0.
        Assert.All(reported, r =>
        {
            Assert.NotEqual(0, r.Key.EvseId);
            Assert.NotEqual(0, r.Key.ConnectorId);
            Assert.Equal(expectedStatus, r.Value);
        });

        // Steps 7 and 8 (SecurityEventNotification StartupOfTheDevice) are not asserted: the station has no
        // security event block yet (functional block A).
        return boot;
    }

    /// <summary>Reusable state Booted, by Reset (steps 1 and 2) then the boot.</summary>
    public async Task<BootNotificationRequest> BootedByResetAsync(ConnectorStatusEnumType expectedStatus = ConnectorStatusEnumType.Available)
    {
        var reset = await Connection.CallAsync(new ResetRequest { Type = ResetEnumType.Immediate }, Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);
        await WaitForRebootAsync();
        return await AcceptBootAsync(expectedStatus);
    }

    /// <summary>Reusable state Unavailable: ChangeAvailability Inoperative for the station (no EVSE), an EVSE
    /// or a connector; every connector in scope reported Unavailable.</summary>
    public async Task UnavailableAsync(int? evseId = null, int? connectorId = null)
    {
        var response = await Connection.CallAsync(ChangeAvailability(OperationalStatusEnumType.Inoperative, evseId, connectorId), Timeout);

        // Step 2: status Accepted.
        Assert.Equal(ChangeAvailabilityStatusEnumType.Accepted, response.Status);

        // Step 3: connectorStatus Unavailable for every connector of the specified component.
        foreach (var (evse, connector) in ConnectorsIn(evseId, connectorId))
        {
            var status = await ExpectStatusNotificationAsync();
            Assert.Equal((evse, connector, ConnectorStatusEnumType.Unavailable), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
        }
    }

    /// <summary>Reusable state EVConnectedPreSession without transactions: plug in, connector reported Occupied.</summary>
    public async Task EvConnectedPreSessionAsync()
    {
        Plug();
        var status = await ExpectStatusNotificationAsync();

        // Step 1: evseId, connectorId configured; connectorStatus Occupied.
        Assert.Equal((EvseId, ConnectorId, ConnectorStatusEnumType.Occupied), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
    }

    /// <summary>Manual Action: Connect the EV and EVSE.</summary>
    public void Plug() => Charger.Plug(EvseId, ConnectorId);

    /// <summary>Manual Action: Disconnect the EV and EVSE.</summary>
    public void Unplug() => Charger.Unplug(EvseId);

    public static ChangeAvailabilityRequest ChangeAvailability(OperationalStatusEnumType status, int? evseId = null, int? connectorId = null) => new()
    {
        OperationalStatus = status,
        Evse = evseId is { } id ? new EVSEType { Id = id, ConnectorId = connectorId } : null,
    };

    /// <summary>The connectors of the whole station, one EVSE or one connector.</summary>
    public static IEnumerable<(int EvseId, int ConnectorId)> ConnectorsIn(int? evseId, int? connectorId) =>
        ReferenceHardware.Evses
            .Where(e => evseId is null || e.Id == evseId)
            .SelectMany(e => e.Connectors.Where(c => connectorId is null || c.Id == connectorId).Select(c => (e.Id, c.Id)));
}
