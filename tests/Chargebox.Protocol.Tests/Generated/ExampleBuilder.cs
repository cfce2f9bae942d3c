using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chargebox.Protocol.Tests.Generated;

/// <summary>Builds, from a schema file, a payload with every property filled with a valid value, so a
/// round trip touches every generated property.</summary>
internal static class ExampleBuilder
{
    public const string Timestamp = "2026-11-25T10:00:00.123Z";

    public static JsonObject Build(JsonElement schemaRoot) => (JsonObject)Value(schemaRoot, schemaRoot);

    private static JsonNode Value(JsonElement schema, JsonElement root)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/definitions/".Length..];
            return Value(root.GetProperty("definitions").GetProperty(name), root);
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            // No type (DataTransfer data): any JSON; a nested structure exercises JsonElement.
            return new JsonObject { ["anything"] = new JsonArray(1, "two", true) };
        }

        switch (type.GetString())
        {
            case "object":
                var result = new JsonObject();
                foreach (var property in schema.GetProperty("properties").EnumerateObject())
                {
                    result[property.Name] = Value(property.Value, root);
                }

                return result;
            case "array":
                var count = Math.Min(2, schema.TryGetProperty("maxItems", out var maxItems) ? maxItems.GetInt32() : 2);
                var array = new JsonArray();
                for (var i = 0; i < count; i++)
                {
                    array.Add(Value(schema.GetProperty("items"), root));
                }

                return array;
            case "string":
                if (schema.TryGetProperty("enum", out var values))
                {
                    // The last value rather than the first: the first is also the C# default.
                    return JsonValue.Create(values.EnumerateArray().Last().GetString())!;
                }

                if (schema.TryGetProperty("format", out _))
                {
                    return JsonValue.Create(Timestamp)!;
                }

                var length = Math.Min(6, schema.TryGetProperty("maxLength", out var maxLength) ? maxLength.GetInt32() : 6);
                return JsonValue.Create("abcdef"[..length])!;
            case "integer":
                return JsonValue.Create(Pick(schema, 7m))!;
            case "number":
                return JsonValue.Create(Pick(schema, 12.5m))!;
            case "boolean":
                return JsonValue.Create(true)!;
            default:
                throw new InvalidOperationException($"Unexpected schema type {type}.");
        }
    }

    private static decimal Pick(JsonElement schema, decimal preferred)
    {
        var value = preferred;
        if (schema.TryGetProperty("maximum", out var maximum) && value > maximum.GetDecimal())
        {
            value = maximum.GetDecimal();
        }

        if (schema.TryGetProperty("minimum", out var minimum) && value < minimum.GetDecimal())
        {
            value = minimum.GetDecimal();
        }

        return value;
    }
}
