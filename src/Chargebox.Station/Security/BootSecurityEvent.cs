using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Security;

/// <summary>Which security event a boot is (Appendix 1): StartupOfTheDevice for a cold start, ResetOrReboot
/// when the station was reset or rebooted on purpose or by its watchdog.</summary>
internal static class BootSecurityEvent
{
    public static string For(BootReasonEnumType reason) => reason switch
    {
        BootReasonEnumType.ApplicationReset or BootReasonEnumType.FirmwareUpdate or BootReasonEnumType.LocalReset
            or BootReasonEnumType.RemoteReset or BootReasonEnumType.ScheduledReset or BootReasonEnumType.Watchdog
            => SecurityEventType.ResetOrReboot,
        _ => SecurityEventType.StartupOfTheDevice,
    };
}
