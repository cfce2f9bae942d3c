using System.Text.Json.Serialization;
using Chargebox.Host.Control;

namespace Chargebox.Host.Fleet;

/// <summary>Source-generated JSON for the fleet's control API (no reflection, works trimmed).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FleetSummary))]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(ErrorDocument))]
internal sealed partial class FleetJsonContext : JsonSerializerContext;
