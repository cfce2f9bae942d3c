namespace Chargebox.Protocol.Framing;

/// <summary>One well-formed OCPP-J frame as read by <see cref="OcppFrameReader"/>. The payload is a slice
/// of the input, not a copy: it is valid only as long as the input buffer is.</summary>
public readonly struct OcppFrame
{
    private OcppFrame(
        OcppMessageType messageType,
        string messageId,
        string? action,
        ReadOnlyMemory<byte> payload,
        string? errorCode,
        string? errorDescription)
    {
        MessageType = messageType;
        MessageId = messageId;
        Action = action;
        Payload = payload;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
    }

    public OcppMessageType MessageType { get; }

    /// <summary>The id that relates a CALLRESULT or CALLERROR to its CALL (at most 36 characters).</summary>
    public string MessageId { get; }

    /// <summary>The action of a CALL, exactly as sent (case-sensitive); null for other frames.</summary>
    public string? Action { get; }

    /// <summary>The JSON object of a CALL or CALLRESULT, or the errorDetails object of a CALLERROR.
    /// A <c>null</c> payload is given as <c>{}</c>.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>The errorCode of a CALLERROR as written on the wire (it may not be one we know).</summary>
    public string? ErrorCode { get; }

    /// <summary>The errorDescription of a CALLERROR (may be empty).</summary>
    public string? ErrorDescription { get; }

    public static OcppFrame Call(string messageId, string action, ReadOnlyMemory<byte> payload) =>
        new(OcppMessageType.Call, messageId, action, payload, null, null);

    public static OcppFrame CallResult(string messageId, ReadOnlyMemory<byte> payload) =>
        new(OcppMessageType.CallResult, messageId, null, payload, null, null);

    public static OcppFrame CallError(string messageId, string errorCode, string errorDescription, ReadOnlyMemory<byte> errorDetails) =>
        new(OcppMessageType.CallError, messageId, null, errorDetails, errorCode, errorDescription);
}
