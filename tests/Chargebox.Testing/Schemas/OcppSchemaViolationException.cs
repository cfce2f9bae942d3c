using Xunit.Sdk;

namespace Chargebox.Testing.Schemas;

/// <summary>A payload broke its OCPP 2.0.1 schema; the message lists every error and the payload, so a
/// failing test says what was wrong without a debugger.</summary>
public sealed class OcppSchemaViolationException : XunitException
{
    public OcppSchemaViolationException(string schemaName, string json, IReadOnlyList<string> errors)
        : base($"Payload is not a valid {schemaName}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}{Environment.NewLine}Payload: {json}")
    {
        SchemaName = schemaName;
        Errors = errors;
    }

    public string SchemaName { get; }

    public IReadOnlyList<string> Errors { get; }
}
