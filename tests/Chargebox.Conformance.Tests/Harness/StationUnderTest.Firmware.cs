using Chargebox.Protocol.Messages;
using Chargebox.Station.Security;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The firmware steps of block L as the OCTT sees them: FirmwareStatusNotifications with their
/// requestId, and the install that ends in the reusable state RebootBeforeFirmwareActivation.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>Takes the next FirmwareStatusNotificationRequest, acknowledges it, and checks its status and
    /// requestId (L01.FR.20: every status but Idle names the request).</summary>
    public async Task<FirmwareStatusNotificationRequest> ExpectFirmwareStatusAsync(FirmwareStatusEnumType status, int? requestId)
    {
        var call = await Connection.ExpectCallAsync<FirmwareStatusNotificationRequest>(Timeout);
        await Connection.ReplyAsync(call, new FirmwareStatusNotificationResponse());
        Assert.Equal((status, requestId), (call.Request.Status, call.Request.RequestId));
        return call.Request;
    }

    /// <summary>Sends UpdateFirmware and returns the station's answer.</summary>
    public Task<UpdateFirmwareResponse> UpdateFirmwareAsync(UpdateFirmwareRequest request) => Connection.CallAsync(request, Timeout);

    /// <summary>From the connectors set Unavailable before installing to Installed after the reboot: the
    /// steps the successful L01 test cases share (e.g. TC_L_01_CS steps 9 to 20). Returns the boot.</summary>
    public async Task<BootNotificationRequest> InstallAndActivateAsync(int requestId, bool connectorsGoUnavailable = true)
    {
        // Step 9 (optional in Part 6, done by this station): every connector Unavailable before installing.
        if (connectorsGoUnavailable)
        {
            foreach (var (evseId, connectorId) in ConnectorsIn(null, null))
            {
                var unavailable = await ExpectStatusNotificationAsync();
                Assert.Equal((evseId, connectorId, ConnectorStatusEnumType.Unavailable), (unavailable.EvseId, unavailable.ConnectorId, unavailable.ConnectorStatus));
            }
        }

        // Step 12: Installing (the station installs first and reboots to activate).
        await ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Installing, requestId);

        // RebootBeforeFirmwareActivation step 1: InstallRebooting; step 3: BootNotification reason FirmwareUpdate.
        await ExpectFirmwareStatusAsync(FirmwareStatusEnumType.InstallRebooting, requestId);
        await WaitForRebootAsync();
        var boot = await ExpectBootNotificationAsync(RegistrationStatusEnumType.Accepted);
        Assert.Equal(BootReasonEnumType.FirmwareUpdate, boot.Reason);

        // Steps 16 and 18: the connectors Available again, and Installed.
        var reported = await ExpectEveryConnectorReportedAsync();
        Assert.All(reported.Values, status => Assert.Equal(ConnectorStatusEnumType.Available, status));
        await ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Installed, requestId);

        // Step 20: SecurityEventNotification FirmwareUpdated, once the new firmware runs.
        await ExpectSecurityEventAsync(SecurityEventType.FirmwareUpdated);
        return boot;
    }
}
