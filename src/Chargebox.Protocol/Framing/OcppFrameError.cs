namespace Chargebox.Protocol.Framing;

/// <summary>Why a frame could not be read, with what could still be read of it.</summary>
/// <param name="MessageTypeId">The Message Type Number, when the first element was an integer.</param>
/// <param name="MessageId">The message id, when it could be read; null otherwise.</param>
/// <param name="Code">The CALLERROR code that answers the frame.</param>
/// <param name="Description">Names the offending element.</param>
public readonly record struct OcppFrameError(int? MessageTypeId, string? MessageId, OcppErrorCode Code, string Description)
{
    /// <summary>The id for the answering CALLERROR: "-1" when the id could not be read (Part 4, 4.2.3).</summary>
    public string ReplyMessageId => MessageId ?? "-1";

    /// <summary>False for a broken CALLRESULT or CALLERROR: a CALLERROR answers a CALL, and answering
    /// an answer could make two peers bounce errors at each other forever.</summary>
    public bool ShouldReply => MessageTypeId is not ((int)OcppMessageType.CallResult or (int)OcppMessageType.CallError);
}
