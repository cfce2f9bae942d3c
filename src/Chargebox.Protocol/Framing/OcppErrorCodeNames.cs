namespace Chargebox.Protocol.Framing;

/// <summary>Maps <see cref="OcppErrorCode"/> to and from its wire string (Part 4, table 8).</summary>
public static class OcppErrorCodeNames
{
    public static string ToWire(OcppErrorCode code) => code switch
    {
        OcppErrorCode.FormatViolation => "FormatViolation",
        OcppErrorCode.GenericError => "GenericError",
        OcppErrorCode.InternalError => "InternalError",
        OcppErrorCode.MessageTypeNotSupported => "MessageTypeNotSupported",
        OcppErrorCode.NotImplemented => "NotImplemented",
        OcppErrorCode.NotSupported => "NotSupported",
        OcppErrorCode.OccurrenceConstraintViolation => "OccurrenceConstraintViolation",
        OcppErrorCode.PropertyConstraintViolation => "PropertyConstraintViolation",
        OcppErrorCode.ProtocolError => "ProtocolError",
        OcppErrorCode.RpcFrameworkError => "RpcFrameworkError",
        OcppErrorCode.SecurityError => "SecurityError",
        OcppErrorCode.TypeConstraintViolation => "TypeConstraintViolation",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not an OCPP-J error code."),
    };

    /// <summary>Reads a wire error code, case-sensitively. Also accepts OCPP 1.6's spelling
    /// "OccurenceConstraintViolation", which some CSMS implementations still send.</summary>
    public static bool TryParse(string? wire, out OcppErrorCode code)
    {
        OcppErrorCode? parsed = wire switch
        {
            "FormatViolation" => OcppErrorCode.FormatViolation,
            "GenericError" => OcppErrorCode.GenericError,
            "InternalError" => OcppErrorCode.InternalError,
            "MessageTypeNotSupported" => OcppErrorCode.MessageTypeNotSupported,
            "NotImplemented" => OcppErrorCode.NotImplemented,
            "NotSupported" => OcppErrorCode.NotSupported,
            "OccurrenceConstraintViolation" or "OccurenceConstraintViolation" => OcppErrorCode.OccurrenceConstraintViolation,
            "PropertyConstraintViolation" => OcppErrorCode.PropertyConstraintViolation,
            "ProtocolError" => OcppErrorCode.ProtocolError,
            "RpcFrameworkError" => OcppErrorCode.RpcFrameworkError,
            "SecurityError" => OcppErrorCode.SecurityError,
            "TypeConstraintViolation" => OcppErrorCode.TypeConstraintViolation,
            _ => null,
        };
        code = parsed ?? OcppErrorCode.GenericError;
        return parsed.HasValue;
    }
}
