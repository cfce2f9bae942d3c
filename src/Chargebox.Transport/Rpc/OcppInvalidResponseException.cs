using Chargebox.Protocol.Validation;

namespace Chargebox.Transport.Rpc;

/// <summary>The CSMS answered a CALL with a CALLRESULT whose payload does not conform to the response
/// schema (or a CALLRESULT/CALLERROR frame that is broken). The CALL is finished all the same.</summary>
public sealed class OcppInvalidResponseException : Exception
{
    public OcppInvalidResponseException(string action, string messageId, PayloadError error)
        : base($"The CSMS answered {action} ({messageId}) with an invalid response: {error}")
    {
        Action = action;
        MessageId = messageId;
        Error = error;
    }

    public string Action { get; }

    public string MessageId { get; }

    /// <summary>What is wrong, with the OCPP-J code a CALLERROR would have carried.</summary>
    public PayloadError Error { get; }
}
