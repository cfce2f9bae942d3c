using System.Text.Json.Serialization;

namespace Chargebox.Station.Profiles;

/// <summary>Source-generated JSON for station profiles (the station project is AOT compatible). Unknown
/// properties are errors so a misspelt field is reported instead of silently ignored.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StationProfile))]
internal sealed partial class StationProfileJsonContext : JsonSerializerContext;
