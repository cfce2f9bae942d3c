using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Validation;

namespace Chargebox.Protocol.Serialization;

/// <summary>Turns payload bytes into message objects and back, through the source-generated JSON type
/// information. Reading validates first, so the caller gets either a message that conforms to its
/// schema or a <see cref="PayloadError"/> ready for a CALLERROR; it never throws for bad input.</summary>
public static class OcppPayloadCodec
{
    /// <summary>Validates <paramref name="payload"/> against <paramref name="schema"/>, then deserializes it.</summary>
    /// <returns>True with <paramref name="value"/> set; false with <paramref name="error"/> set.</returns>
    public static bool TryRead(
        ReadOnlySpan<byte> payload,
        SchemaNode schema,
        JsonTypeInfo typeInfo,
        [NotNullWhen(true)] out object? value,
        out PayloadError error)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (PayloadValidator.Validate(payload, schema, out var hasNonCanonicalIntegers) is { } violation)
        {
            value = null;
            error = violation;
            return false;
        }

        if (IsNull(payload))
        {
            // Part 4, 4.1.5: null stands for the empty payload.
            payload = "{}"u8;
        }

        return hasNonCanonicalIntegers
            ? TryDeserialize(IntegerNormalizer.Normalize(payload).Span, typeInfo, out value, out error)
            : TryDeserialize(payload, typeInfo, out value, out error);
    }

    /// <summary>The typed form of <see cref="TryRead(ReadOnlySpan{byte}, SchemaNode, JsonTypeInfo, out object?, out PayloadError)"/>.</summary>
    public static bool TryRead<T>(
        ReadOnlySpan<byte> payload,
        SchemaNode schema,
        JsonTypeInfo<T> typeInfo,
        [NotNullWhen(true)] out T? value,
        out PayloadError error)
        where T : class
    {
        if (TryRead(payload, schema, (JsonTypeInfo)typeInfo, out var read, out error))
        {
            value = (T)read;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Writes <paramref name="value"/> as the next JSON value of <paramref name="writer"/>, so the
    /// RPC layer can put the payload straight into the frame it is writing (<c>[2,"id","Action",</c> here
    /// <c>]</c>) with no intermediate buffer.</summary>
    public static void Write(Utf8JsonWriter writer, object value, JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(typeInfo);
        JsonSerializer.Serialize(writer, value, typeInfo);
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON into <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Write(IBufferWriter<byte> destination, object value, JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(typeInfo);
        using var writer = new Utf8JsonWriter(destination, new JsonWriterOptions
        {
            Encoder = typeInfo.Options.Encoder,
            Indented = false,
        });
        Write(writer, value, typeInfo);
        writer.Flush();
        return checked((int)writer.BytesCommitted);
    }

    /// <summary>Writes <paramref name="value"/> as a new UTF-8 JSON array (for tests and rare messages).</summary>
    public static byte[] WriteToArray(object value, JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
    }

    private static bool TryDeserialize(ReadOnlySpan<byte> payload, JsonTypeInfo typeInfo, [NotNullWhen(true)] out object? value, out PayloadError error)
    {
        try
        {
            value = JsonSerializer.Deserialize(payload, typeInfo);
        }
        catch (JsonException ex)
        {
            // The schema and the CLR type disagree (an integer too large for its field, say). The payload
            // is still the sender's fault as far as the CALLERROR goes.
            value = null;
            var path = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "";
            error = Refused(typeInfo, path);
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Converters and callbacks of the generated types may throw anything; the RPC layer must
            // still answer with a CALLERROR instead of losing the connection.
            value = null;
            error = Refused(typeInfo, "");
            return false;
        }

        if (value is null)
        {
            error = Refused(typeInfo, "");
            return false;
        }

        error = default;
        return true;
    }

    private static PayloadError Refused(JsonTypeInfo typeInfo, string path)
    {
        var what = $"the payload could not be read as {typeInfo.Type.Name}";
        var description = path.Length == 0 ? what : $"{path}: {what}";
        return new PayloadError(OcppErrorCode.FormatViolation, Describe.Truncate(description)) { Path = path };
    }

    private static bool IsNull(ReadOnlySpan<byte> payload) =>
        payload.Trim(" \t\r\n"u8).SequenceEqual("null"u8);
}
