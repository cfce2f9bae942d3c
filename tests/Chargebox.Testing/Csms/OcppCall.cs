using System.Text.Json;

namespace Chargebox.Testing.Csms;

/// <summary>A CALL the station sent: [2, MessageId, Action, Payload].</summary>
public sealed record OcppCall(string MessageId, string Action, JsonElement Payload)
{
    /// <summary>A payload property as text, for short assertions (<c>call["reason"]</c>).</summary>
    public string? this[string property] =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty(property, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}

/// <summary>How the station answered a CALL of the test CSMS: a CALLRESULT payload, or a CALLERROR.</summary>
public sealed record CallOutcome(string MessageId, JsonElement Payload, string? ErrorCode = null, string? ErrorDescription = null, JsonElement ErrorDetails = default)
{
    public bool IsError => ErrorCode is not null;
}

/// <summary>What ended a station's connection, as seen by the test CSMS.</summary>
/// <param name="CloseStatus">The close code the station sent, or null when the connection was dropped without a close frame.</param>
/// <param name="CloseDescription">The close reason text the station sent.</param>
public sealed record StationDisconnect(int? CloseStatus, string? CloseDescription)
{
    public bool WasClean => CloseStatus is not null;
}
