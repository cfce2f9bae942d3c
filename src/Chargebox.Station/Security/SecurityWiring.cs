using Chargebox.Station.Connectivity;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Provisioning;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.Security;

/// <summary>Connects the security event block to the blocks built before it: notifications go out once the
/// station is accepted (at boot and after every reconnect), and the CSMS changing a SecurityCtrlr variable is
/// a security event; a new BasicAuthPassword also makes the station reconnect with it (A01).</summary>
internal static class SecurityWiring
{
    private static readonly ComponentKey SecurityController = new("SecurityCtrlr");
    private static readonly VariableKey BasicAuthPassword = new("BasicAuthPassword");

    // dropConnection closes the open connection so the station reconnects (the supervisor's).
    public static void Connect(
        StationServices services,
        SecurityEventLog log,
        SecurityEventNotifications notifications,
        BootSequence boot,
        ConnectivityBlock connectivity,
        Action dropConnection)
    {
        log.Notifications = notifications;

        // A04.FR.02 and Part 4 queueing: delivered after acceptance, and after each reconnect.
        boot.Accepted += notifications.Pump;
        connectivity.OnlineChanged += online =>
        {
            if (online)
            {
                notifications.Pump();
            }
        };

        services.DeviceModel.Changed += change =>
        {
            if (!change.ByCsms || !change.Component.Equals(SecurityController))
            {
                return;
            }

            // Appendix 1: a change of security parameters is logged; the value itself never is (A01: the
            // password is neither readable nor logged).
            services.SecurityEvents.Raise(SecurityEventType.ReconfigurationOfSecurityParameters, $"SecurityCtrlr.{change.Variable} set by the CSMS");
            if (change.Variable.Equals(BasicAuthPassword))
            {
                // A01.FR.xx (TC_A_09_CS): the new password is used from the next connection, which is opened
                // right after the SetVariablesResponse went out.
                services.Router.AfterAnswer(dropConnection);
            }
        };
    }
}
