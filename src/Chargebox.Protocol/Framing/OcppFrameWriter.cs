using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chargebox.Protocol.Framing;

/// <summary>Writes OCPP-J frames (Part 4, 4.2) as compact UTF-8 JSON into a buffer. The payload comes
/// either as bytes that are already JSON, or from a callback that writes one JSON value.</summary>
public static class OcppFrameWriter
{
    /// <summary>Part 4, table 7: errorDescription is a string of at most 255 characters.</summary>
    public const int MaxErrorDescriptionLength = 255;

    // Relaxed escaping keeps non-ASCII text (DisplayMessage content, 4.1.2) readable and short on the wire;
    // frames are never embedded in HTML.
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void WriteCall(IBufferWriter<byte> output, string messageId, string action, ReadOnlySpan<byte> payload)
    {
        using var writer = Start(output, OcppMessageType.Call, messageId);
        writer.WriteStringValue(action);
        writer.WriteRawValue(payload);
        writer.WriteEndArray();
    }

    public static void WriteCall<TState>(IBufferWriter<byte> output, string messageId, string action, TState state, Action<Utf8JsonWriter, TState> writePayload)
    {
        using var writer = Start(output, OcppMessageType.Call, messageId);
        writer.WriteStringValue(action);
        writePayload(writer, state);
        writer.WriteEndArray();
    }

    public static void WriteCallResult(IBufferWriter<byte> output, string messageId, ReadOnlySpan<byte> payload)
    {
        using var writer = Start(output, OcppMessageType.CallResult, messageId);
        writer.WriteRawValue(payload);
        writer.WriteEndArray();
    }

    public static void WriteCallResult<TState>(IBufferWriter<byte> output, string messageId, TState state, Action<Utf8JsonWriter, TState> writePayload)
    {
        using var writer = Start(output, OcppMessageType.CallResult, messageId);
        writePayload(writer, state);
        writer.WriteEndArray();
    }

    /// <summary>Writes a CALLERROR. A longer description is cut to 255 characters; empty
    /// <paramref name="details"/> are written as <c>{}</c>, as table 7 demands.</summary>
    public static void WriteCallError(IBufferWriter<byte> output, string messageId, OcppErrorCode code, string? description, ReadOnlySpan<byte> details = default)
    {
        using var writer = Start(output, OcppMessageType.CallError, messageId);
        writer.WriteStringValue(OcppErrorCodeNames.ToWire(code));
        writer.WriteStringValue(Truncate(description ?? string.Empty));
        if (details.IsEmpty)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteRawValue(details);
        }

        writer.WriteEndArray();
    }

    internal static string Truncate(string description)
    {
        if (description.Length <= MaxErrorDescriptionLength)
        {
            return description;
        }

        // Never cut a surrogate pair in half: the result must stay valid UTF-16 and so valid UTF-8.
        int length = char.IsHighSurrogate(description[MaxErrorDescriptionLength - 1]) ? MaxErrorDescriptionLength - 1 : MaxErrorDescriptionLength;
        return description[..length];
    }

    private static Utf8JsonWriter Start(IBufferWriter<byte> output, OcppMessageType type, string messageId)
    {
        var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartArray();
        writer.WriteNumberValue((int)type);
        writer.WriteStringValue(messageId);
        return writer;
    }
}
