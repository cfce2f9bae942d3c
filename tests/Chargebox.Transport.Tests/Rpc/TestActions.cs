using System.Text.Json.Serialization;
using Chargebox.Protocol;
using Chargebox.Protocol.Validation;

namespace Chargebox.Transport.Tests.Rpc;

/// <summary>Two small actions for the RPC tests, one in each direction, with hand-built schemas.</summary>
internal static class TestActions
{
    private static SchemaNode Status() => SchemaNode.String(enumValues: ["Accepted", "Rejected"]);

    /// <summary>Station to CSMS: <c>{"note"?: string[20]}</c> answered by <c>{"status": Accepted|Rejected}</c>.</summary>
    public static readonly OcppAction Ping = new(
        "Ping",
        OcppDirection.ChargingStationToCsms,
        TestJsonContext.Default.PingRequest,
        TestJsonContext.Default.PingResponse,
        SchemaNode.Object().Define(new SchemaProperty("note", SchemaNode.String(maxLength: 20), false)),
        SchemaNode.Object().Define(new SchemaProperty("status", Status(), true)));

    /// <summary>CSMS to station: <c>{"value": integer ≥ 0}</c> answered by <c>{"status": Accepted|Rejected}</c>.</summary>
    public static readonly OcppAction Poke = new(
        "Poke",
        OcppDirection.CsmsToChargingStation,
        TestJsonContext.Default.PokeRequest,
        TestJsonContext.Default.PokeResponse,
        SchemaNode.Object().Define(new SchemaProperty("value", SchemaNode.Integer(minimum: 0), true)),
        SchemaNode.Object().Define(new SchemaProperty("status", Status(), true)));

    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OcppAction? action)
    {
        action = name switch
        {
            "Ping" => Ping,
            "Poke" => Poke,
            _ => null,
        };
        return action is not null;
    }
}

internal sealed class PingRequest : IOcppRequest<PingResponse>
{
    public string? Note { get; set; }

    [JsonIgnore]
    public OcppAction Action => TestActions.Ping;
}

internal sealed class PingResponse : IOcppResponse
{
    public required string Status { get; set; }
}

internal sealed class PokeRequest : IOcppRequest<PokeResponse>
{
    public int Value { get; set; }

    [JsonIgnore]
    public OcppAction Action => TestActions.Poke;
}

internal sealed class PokeResponse : IOcppResponse
{
    public required string Status { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PingRequest))]
[JsonSerializable(typeof(PingResponse))]
[JsonSerializable(typeof(PokeRequest))]
[JsonSerializable(typeof(PokeResponse))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
