using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chargebox.Protocol.Json;

/// <summary>Reads and writes OCPP <c>dateTime</c> values through <see cref="OcppDateTime"/>: any RFC 3339
/// form is read and normalised to UTC; values are written as UTC with exactly three fractional digits,
/// the precision OCPP 2.0.1 allows.</summary>
public sealed class OcppDateTimeConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>"yyyy-MM-ddTHH:mm:ss.fffZ" is 24 bytes; room for years past 9999 is not needed.</summary>
    private const int FormattedLength = 24;

    /// <summary>Longest escaped string worth unescaping; a timestamp is far shorter.</summary>
    private const int MaxEscapedLength = 128;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        WriteValue(writer, value);

    /// <summary>Reads the current string token; for the generated message converters.</summary>
    internal static DateTimeOffset ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date-time string, found {reader.TokenType}.");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return Parse(reader.ValueSpan);
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > MaxEscapedLength)
        {
            throw new JsonException("Date-time string is too long.");
        }

        Span<byte> buffer = stackalloc byte[MaxEscapedLength];
        var written = reader.CopyString(buffer);
        return Parse(buffer[..written]);
    }

    /// <summary>Writes <paramref name="value"/> as the next string value; for the generated message converters.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[FormattedLength];
        if (!OcppDateTime.TryFormat(value, buffer, out var written))
        {
            throw new JsonException($"Cannot write {value:O} as an OCPP date-time.");
        }

        writer.WriteStringValue(buffer[..written]);
    }

    private static DateTimeOffset Parse(ReadOnlySpan<byte> utf8) =>
        OcppDateTime.TryParse(utf8, out var value)
            ? value
            : throw new JsonException("Not an RFC 3339 date-time.");
}
