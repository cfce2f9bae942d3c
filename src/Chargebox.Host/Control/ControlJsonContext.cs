using System.Text.Json.Serialization;

namespace Chargebox.Host.Control;

/// <summary>Source-generated JSON for the control API, so it needs no reflection and works trimmed.
/// Unknown request fields are refused, so a misspelt field is a 400 instead of being ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(EvRequest))]
[JsonSerializable(typeof(TokenRequest))]
[JsonSerializable(typeof(FaultRequest))]
[JsonSerializable(typeof(NetworkRequest))]
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
