using System.Text.Json;
using Chargebox.Testing.Schemas;

namespace Chargebox.Protocol.Tests.Generated;

public sealed class RoundTripTests
{
    public static TheoryData<string> MessageNames() => [.. OfficialSchemas.Names];

    [Theory]
    [MemberData(nameof(MessageNames))]
    public async Task A_payload_with_every_property_filled_round_trips_and_stays_schema_valid(string messageName)
    {
        var example = ExampleBuilder.Build(OfficialSchemas.Load(messageName)).ToJsonString();
        await OcppSchemaCheck.AssertValidAsync(messageName, example); // the example itself must be right
        var typeInfo = TypeInfoFor(messageName);

        var message = JsonSerializer.Deserialize(example, typeInfo);
        var written = JsonSerializer.Serialize(message, typeInfo);

        Assert.True(
            JsonElement.DeepEquals(Parse(example), Parse(written)),
            $"{messageName} changed in a round trip:\n  in:  {example}\n  out: {written}");
        await OcppSchemaCheck.AssertValidAsync(messageName, written);
    }

    [Fact]
    public async Task The_schema_check_reports_what_is_wrong()
    {
        var error = await Assert.ThrowsAsync<OcppSchemaViolationException>(
            () => OcppSchemaCheck.AssertRequestValidAsync("BootNotification", """{"reason":"Sneezed","chargingStation":{"model":"m"}}"""));

        Assert.Contains(error.Errors, e => e.Contains("reason", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("vendorName", StringComparison.Ordinal));
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfoFor(string messageName)
    {
        var isRequest = messageName.EndsWith("Request", StringComparison.Ordinal);
        var actionName = isRequest ? messageName[..^"Request".Length] : messageName[..^"Response".Length];
        Assert.True(OcppActions.TryGet(actionName, out var action));
        return isRequest ? action.RequestTypeInfo : action.ResponseTypeInfo;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
