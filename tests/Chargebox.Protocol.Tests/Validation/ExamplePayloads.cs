using System.Buffers;
using System.Text.Json;
using Chargebox.Protocol.Validation;

namespace Chargebox.Protocol.Tests.Validation;

/// <summary>Writes payloads that conform to a schema graph, and payloads that break it in one place, so
/// every message schema can be tested without a hand-written example per message.</summary>
internal static class ExamplePayloads
{
    public const string Timestamp = "2024-05-06T10:00:00.000Z";

    /// <summary>A conforming payload: the required properties only, or every property when
    /// <paramref name="full"/> (strings then at their maxLength, in two-byte characters).</summary>
    public static byte[] Conforming(SchemaNode schema, bool full) =>
        Write(writer => WriteValue(writer, schema, full));

    /// <summary>A conforming payload (required properties only) with <paramref name="property"/> of the
    /// root replaced by <paramref name="writeValue"/>, or left out when that is null.</summary>
    public static byte[] WithProperty(SchemaNode schema, string property, Action<Utf8JsonWriter>? writeValue) =>
        Write(writer =>
        {
            writer.WriteStartObject();
            foreach (var p in schema.Properties.Where(p => p.Required && p.Name != property))
            {
                writer.WritePropertyName(p.Name);
                WriteValue(writer, p.Schema, full: false);
            }

            if (writeValue is not null)
            {
                writer.WritePropertyName(property);
                writeValue(writer);
            }

            writer.WriteEndObject();
        });

    /// <summary>A value of the wrong JSON type for <paramref name="node"/>; null for nodes that take anything.</summary>
    public static Action<Utf8JsonWriter>? WrongType(SchemaNode node) => node.Kind switch
    {
        SchemaKind.Object => w => w.WriteNumberValue(1),
        SchemaKind.Array => w => { w.WriteStartObject(); w.WriteEndObject(); },
        SchemaKind.String => w => w.WriteNumberValue(12),
        SchemaKind.Integer => w => w.WriteStringValue("1"),
        SchemaKind.Number => w => w.WriteStringValue("1.5"),
        SchemaKind.Boolean => w => w.WriteStringValue("true"),
        _ => null,
    };

    public static void WriteValue(Utf8JsonWriter writer, SchemaNode node, bool full)
    {
        switch (node.Kind)
        {
            case SchemaKind.Object:
                writer.WriteStartObject();
                foreach (var property in node.Properties.Where(p => full || p.Required))
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Schema, full);
                }

                writer.WriteEndObject();
                break;
            case SchemaKind.Array:
                writer.WriteStartArray();
                var count = Math.Min(Math.Max(node.MinItems ?? 1, full ? 2 : 1), node.MaxItems ?? int.MaxValue);
                for (var i = 0; i < count; i++)
                {
                    WriteValue(writer, node.Items!, full);
                }

                writer.WriteEndArray();
                break;
            case SchemaKind.String when node.Enum is { } values:
                writer.WriteStringValue(values.Order(StringComparer.Ordinal).First());
                break;
            case SchemaKind.String when node.IsDateTime:
                writer.WriteStringValue(full ? "2024-05-06T10:00:00.1234567+00:00" : Timestamp);
                break;
            case SchemaKind.String:
                // At maxLength in characters, twice that in UTF-8 bytes: exercises code-point counting.
                writer.WriteStringValue(full && node.MaxLength is { } max ? new string('\u00e9', max) : "x");
                break;
            case SchemaKind.Integer:
                writer.WriteNumberValue(Clamp(node, 1m));
                break;
            case SchemaKind.Number:
                writer.WriteNumberValue(Clamp(node, 1.5m));
                break;
            case SchemaKind.Boolean:
                writer.WriteBooleanValue(true);
                break;
            default:
                // A node without type: any JSON value.
                writer.WriteStartObject();
                writer.WriteStartArray("anything");
                writer.WriteNumberValue(1);
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
        }
    }

    private static decimal Clamp(SchemaNode node, decimal preferred) =>
        Math.Min(Math.Max(preferred, node.Minimum ?? decimal.MinValue), node.Maximum ?? decimal.MaxValue);

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
