using Chargebox.Station.Runtime;

namespace Chargebox.Station.Provisioning;

/// <summary>Takes the CSMS's time when the station is configured to (ClockCtrlr.TimeSource contains Heartbeat).</summary>
internal static class ClockSync
{
    public static void Apply(StationServices services, DateTimeOffset csmsTime)
    {
        if (services.DeviceModel.Clock.TimeSource.Contains("Heartbeat", StringComparer.Ordinal))
        {
            var moved = services.Clock.SetTime(csmsTime);
            if (services.DeviceModel.Clock.TimeAdjustmentReportingThreshold is { } threshold && moved.Duration() > threshold)
            {
                // Appendix 1: an adjustment larger than ClockCtrlr.TimeAdjustmentReportingThreshold is a security event.
                services.SecurityEvents.Raise(Security.SecurityEventType.SettingSystemTime, $"clock moved by {moved.TotalSeconds:0.###} s to the CSMS's time");
            }
        }
    }
}
