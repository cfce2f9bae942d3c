using Chargebox.Station.Runtime;

namespace Chargebox.Station.Provisioning;

/// <summary>Takes the CSMS's time when the station is configured to (ClockCtrlr.TimeSource contains Heartbeat).</summary>
internal static class ClockSync
{
    public static void Apply(StationServices services, DateTimeOffset csmsTime)
    {
        if (services.DeviceModel.Clock.TimeSource.Contains("Heartbeat", StringComparer.Ordinal))
        {
            services.Clock.SetTime(csmsTime);
        }
    }
}
