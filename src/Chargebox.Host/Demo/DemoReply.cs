using System.Text.Json.Nodes;

namespace Chargebox.Host.Demo;

/// <summary>What the demo CSMS answers to one CALL: a CALLRESULT payload, or a CALLERROR.</summary>
/// <param name="Result">The CALLRESULT payload; null for a CALLERROR.</param>
/// <param name="ErrorCode">The OCPP-J error code of a CALLERROR.</param>
/// <param name="Summary">A word for the timeline, e.g. <c>Accepted</c>.</param>
internal sealed record DemoReply(JsonObject? Result, string? ErrorCode, string? Summary)
{
    public static DemoReply Ok(JsonObject result, string? summary = null) => new(result, null, summary);

    public static DemoReply Error(string code) => new(null, code, code);
}
