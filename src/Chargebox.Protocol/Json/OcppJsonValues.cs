using System.Text.Json;

namespace Chargebox.Protocol.Json;

/// <summary>Reads one JSON value for the generated message converters (<c>Generated/Converters</c>). The
/// converters read straight into locals and build each message with one object initialiser, instead of
/// System.Text.Json's path for <c>required init</c> properties, which buffers every value boxed in an
/// argument array. Every failure is a <see cref="JsonException"/>, as System.Text.Json's own.</summary>
internal static class OcppJsonValues
{
    /// <summary>No OCPP 2.0.1 enumeration value is longer than this.</summary>
    private const int MaxEnumValueLength = 64;

    /// <summary>Reads one value of an array item.</summary>
    public delegate T ItemReader<out T>(ref Utf8JsonReader reader, JsonSerializerOptions options);

    /// <summary>The generated <c>XWire.TryParse</c> of an enumeration.</summary>
    public delegate bool WireParser<T>(ReadOnlySpan<char> text, out T value);

    public static void ExpectObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object for {typeName}, found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException($"Expected a property name, found {reader.TokenType}."),
        };

    public static JsonException MissingRequired(string typeName) =>
        new($"A required property of {typeName} is missing.");

    public static string String(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"Expected a string, found {reader.TokenType}.");

    public static int Integer(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw new JsonException($"Expected a 32-bit integer, found {reader.TokenType}.");

    public static decimal Number(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
            ? value
            : throw new JsonException($"Expected a decimal number, found {reader.TokenType}.");

    public static bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw new JsonException($"Expected a boolean, found {reader.TokenType}."),
    };

    public static DateTimeOffset DateTime(ref Utf8JsonReader reader) => OcppDateTimeConverter.ReadValue(ref reader);

    public static JsonElement Any(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    public static T Enum<T>(ref Utf8JsonReader reader, WireParser<T> parse)
        where T : struct, Enum
    {
        // An escaped value takes at most six bytes per character (\uXXXX).
        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (reader.TokenType != JsonTokenType.String || rawLength > MaxEnumValueLength * 6)
        {
            throw new JsonException($"Expected a {typeof(T).Name} string, found {reader.TokenType}.");
        }

        Span<char> text = stackalloc char[MaxEnumValueLength * 6];
        var length = reader.CopyString(text);
        return parse(text[..length], out var value)
            ? value
            : throw new JsonException($"The value is not a valid {typeof(T).Name}.");
    }

    public static IReadOnlyList<T> Array<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, ItemReader<T> readItem)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array, found {reader.TokenType}.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader, options));
        }

        return items;
    }

    /// <summary>Keeps a property an open schema (customData) does not list; the reader is on its name.</summary>
    public static void AddAdditional(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? additional)
    {
        var name = reader.GetString()!;
        reader.Read();
        (additional ??= [])[name] = JsonElement.ParseValue(ref reader);
    }

    public static void WriteAdditional(Utf8JsonWriter writer, Dictionary<string, JsonElement>? additional)
    {
        if (additional is null)
        {
            return;
        }

        foreach (var (name, value) in additional)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
    }
}
