namespace Chargebox.Protocol.Framing;

/// <summary>The RPC framework error codes of a CALLERROR (OCPP-J, Part 4, table 8). The member names
/// are the wire strings.</summary>
public enum OcppErrorCode
{
    /// <summary>Payload for Action is syntactically incorrect.</summary>
    FormatViolation,
    /// <summary>Any other error not covered by the more specific error codes.</summary>
    GenericError,
    /// <summary>An internal error occurred and the receiver could not process the Action.</summary>
    InternalError,
    /// <summary>A message with a Message Type Number the receiver does not support.</summary>
    MessageTypeNotSupported,
    /// <summary>Requested Action is not known by receiver.</summary>
    NotImplemented,
    /// <summary>Requested Action is recognized but not supported by the receiver.</summary>
    NotSupported,
    /// <summary>Payload is syntactically correct but a field violates occurrence constraints.</summary>
    OccurrenceConstraintViolation,
    /// <summary>Payload is syntactically correct but a field contains an invalid value.</summary>
    PropertyConstraintViolation,
    /// <summary>Payload for Action is not conform the PDU structure.</summary>
    ProtocolError,
    /// <summary>Content of the call is not a valid RPC request, for example the MessageId could not be read.</summary>
    RpcFrameworkError,
    /// <summary>A security issue prevented the receiver from completing the Action.</summary>
    SecurityError,
    /// <summary>Payload is syntactically correct but a field violates data type constraints.</summary>
    TypeConstraintViolation,
}
