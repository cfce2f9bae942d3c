using System.Globalization;
using System.Text.Json.Nodes;

namespace Chargebox.Host.Demo;

/// <summary>The demo CSMS's answers: it accepts every station, authorizes the demo card (and nothing
/// else), and acknowledges what stations report. Enough for a session from boot to the end of a
/// transaction; a CSMS that manages anything is out of its scope.</summary>
internal static class DemoCsmsReplies
{
    /// <summary>HeartbeatInterval given in the BootNotificationResponse, in seconds.</summary>
    private const int HeartbeatIntervalSeconds = 300;

    public static DemoReply For(string action, JsonObject payload, DateTimeOffset now, string acceptedIdToken) => action switch
    {
        "BootNotification" => DemoReply.Ok(new JsonObject { ["currentTime"] = Time(now), ["interval"] = HeartbeatIntervalSeconds, ["status"] = "Accepted" }, "Accepted"),
        "Heartbeat" => DemoReply.Ok(new JsonObject { ["currentTime"] = Time(now) }),
        "Authorize" => Authorize(payload["idToken"], acceptedIdToken),
        "TransactionEvent" => payload["idToken"] is { } idToken ? Authorize(idToken, acceptedIdToken) : DemoReply.Ok([]),
        "DataTransfer" => DemoReply.Ok(new JsonObject { ["status"] = "UnknownVendorId" }, "UnknownVendorId"),
        "StatusNotification" or "MeterValues" or "NotifyReport" or "NotifyEvent" or "NotifyMonitoringReport"
            or "SecurityEventNotification" or "FirmwareStatusNotification" or "LogStatusNotification"
            or "NotifyCustomerInformation" or "NotifyDisplayMessages" or "NotifyChargingLimit"
            or "ClearedChargingLimit" or "ReservationStatusUpdate" => DemoReply.Ok([]),
        _ => DemoReply.Error("NotImplemented"),
    };

    private static DemoReply Authorize(JsonNode? idToken, string acceptedIdToken)
    {
        var accepted = string.Equals(idToken?["idToken"]?.GetValue<string>(), acceptedIdToken, StringComparison.Ordinal);
        var status = accepted ? "Accepted" : "Invalid";
        return DemoReply.Ok(new JsonObject { ["idTokenInfo"] = new JsonObject { ["status"] = status } }, status);
    }

    private static string Time(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
