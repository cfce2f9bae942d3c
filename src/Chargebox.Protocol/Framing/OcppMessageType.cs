namespace Chargebox.Protocol.Framing;

/// <summary>The Message Type Numbers of OCPP-J (Part 4, 4.1.3, table 3).</summary>
public enum OcppMessageType
{
    /// <summary>A request: <c>[2, "id", "Action", {payload}]</c>.</summary>
    Call = 2,

    /// <summary>A response: <c>[3, "id", {payload}]</c>.</summary>
    CallResult = 3,

    /// <summary>An error response: <c>[4, "id", "code", "description", {details}]</c>.</summary>
    CallError = 4,
}
