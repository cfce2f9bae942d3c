using Chargebox.Protocol.Framing;

namespace Chargebox.Transport.Rpc;

/// <summary>The CSMS answered a CALL with a CALLERROR.</summary>
public sealed class OcppCallErrorException : Exception
{
    public OcppCallErrorException(string action, string messageId, string wireErrorCode, string errorDescription, string errorDetails)
        : base($"The CSMS answered {action} ({messageId}) with {wireErrorCode}: {errorDescription}")
    {
        Action = action;
        MessageId = messageId;
        WireErrorCode = wireErrorCode;
        OcppErrorCodeNames.TryParse(wireErrorCode, out var code);
        ErrorCode = code;
        ErrorDescription = errorDescription;
        ErrorDetails = errorDetails;
    }

    public string Action { get; }

    public string MessageId { get; }

    /// <summary>The code as we understood it; GenericError when the CSMS sent one that is not in table 8.</summary>
    public OcppErrorCode ErrorCode { get; }

    /// <summary>The errorCode exactly as the CSMS wrote it.</summary>
    public string WireErrorCode { get; }

    public string ErrorDescription { get; }

    /// <summary>The errorDetails object as JSON text (<c>{}</c> when there were none).</summary>
    public string ErrorDetails { get; }
}
