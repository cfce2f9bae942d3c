using System.Buffers;
using System.Text.Json;

namespace Chargebox.Protocol.Serialization;

/// <summary>Rewrites integral numbers written with a fraction or exponent (<c>300.0</c>, <c>3e2</c>) as
/// plain integers. JSON Schema calls them integers and the validator accepts them, but
/// System.Text.Json will not read them into an <c>int</c>. Only used for the rare payload that needs it,
/// so it favours simplicity over speed.</summary>
internal static class IntegerNormalizer
{
    public static ReadOnlyMemory<byte> Normalize(ReadOnlySpan<byte> payload)
    {
        var output = new ArrayBufferWriter<byte>(payload.Length);
        using (var writer = new Utf8JsonWriter(output))
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
                Copy(ref reader, writer);
            }
        }

        return output.WrittenMemory;
    }

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                break;
            case JsonTokenType.EndObject:
                writer.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                writer.WriteStartArray();
                break;
            case JsonTokenType.EndArray:
                writer.WriteEndArray();
                break;
            case JsonTokenType.PropertyName:
                writer.WritePropertyName(reader.GetString()!);
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.Number when !reader.TryGetInt64(out _)
                                           && reader.TryGetDecimal(out var number)
                                           && number == decimal.Truncate(number)
                                           && number is >= long.MinValue and <= long.MaxValue:
                writer.WriteNumberValue((long)number);
                break;
            case JsonTokenType.Number:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
            case JsonTokenType.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonTokenType.False:
                writer.WriteBooleanValue(false);
                break;
            case JsonTokenType.Null:
                writer.WriteNullValue();
                break;
        }
    }
}
