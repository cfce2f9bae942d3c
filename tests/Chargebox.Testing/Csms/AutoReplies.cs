using System.Globalization;
using System.Text.Json.Nodes;

namespace Chargebox.Testing.Csms;

/// <summary>Answers the test CSMS gives on its own to CALLs no script is waiting for.</summary>
public static class AutoReplies
{
    /// <summary>Accepts BootNotification (interval 300 s), answers Heartbeat with the time, and acknowledges
    /// StatusNotification and SecurityEventNotification; a fresh dictionary each time, so a test can change its own copy.</summary>
    public static Dictionary<string, Func<OcppCall, TimeProvider, JsonNode>> CreateDefaults() => new(StringComparer.Ordinal)
    {
        ["BootNotification"] = (_, time) => new JsonObject { ["currentTime"] = Now(time), ["interval"] = 300, ["status"] = "Accepted" },
        ["Heartbeat"] = (_, time) => new JsonObject { ["currentTime"] = Now(time) },
        ["StatusNotification"] = (_, _) => new JsonObject(),
        ["SecurityEventNotification"] = (_, _) => new JsonObject(),
    };

    /// <summary>The CSMS's clock as an OCPP dateTime (UTC, milliseconds).</summary>
    public static string Now(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
