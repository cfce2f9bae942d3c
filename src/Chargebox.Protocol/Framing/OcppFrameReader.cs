using System.Text.Json;

namespace Chargebox.Protocol.Framing;

/// <summary>Reads one OCPP-J frame (Part 4, 4.1 to 4.4) without copying its payload. Never throws on bad
/// input: a frame that is not a well-formed CALL, CALLRESULT or CALLERROR gives an
/// <see cref="OcppFrameError"/> with the code to answer it with (the mapping is in docs/rpc.md).</summary>
public static class OcppFrameReader
{
    /// <summary>Part 4, table 4: a message id is a string of at most 36 characters.</summary>
    public const int MaxMessageIdLength = 36;

    private static readonly ReadOnlyMemory<byte> EmptyObject = "{}"u8.ToArray();

    // Where a JSON syntax error happened decides its code: before the id nobody can be answered by id,
    // inside a payload it is the payload that is syntactically incorrect.
    private enum Stage
    {
        BeforeMessageId,
        Envelope,
        Payload,
    }

    public static bool TryParse(ReadOnlyMemory<byte> input, out OcppFrame frame, out OcppFrameError error)
    {
        var state = new ParseState();
        try
        {
            return TryParse(input, ref state, out frame, out error);
        }
        catch (JsonException)
        {
            frame = default;
            error = state.Stage switch
            {
                Stage.BeforeMessageId => new OcppFrameError(state.MessageTypeId, null, OcppErrorCode.RpcFrameworkError, "The frame is not valid JSON."),
                Stage.Payload => new OcppFrameError(state.MessageTypeId, state.MessageId, OcppErrorCode.FormatViolation, "The payload is not valid JSON."),
                _ => new OcppFrameError(state.MessageTypeId, state.MessageId, OcppErrorCode.RpcFrameworkError, "The frame is not valid JSON."),
            };
            return false;
        }
    }

    private static bool TryParse(ReadOnlyMemory<byte> input, ref ParseState state, out OcppFrame frame, out OcppFrameError error)
    {
        frame = default;
        var reader = new Utf8JsonReader(input.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });

        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            error = new OcppFrameError(null, null, OcppErrorCode.RpcFrameworkError, "The frame is not a JSON array.");
            return false;
        }

        // Element 0: MessageTypeId. Remember whether it is an integer, but first try to read the id so that
        // even a frame with a wrong type can be answered by id.
        bool typeIsInteger = false;
        if (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int typeId))
            {
                typeIsInteger = true;
                state.MessageTypeId = typeId;
            }
            else
            {
                reader.Skip();
            }
        }
        else
        {
            error = new OcppFrameError(null, null, OcppErrorCode.RpcFrameworkError, "The frame is an empty array.");
            return false;
        }

        // Element 1: MessageId.
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            error = new OcppFrameError(state.MessageTypeId, null, OcppErrorCode.RpcFrameworkError, "The MessageId (element 2) is missing or not a string.");
            return false;
        }

        string messageId = reader.GetString()!;
        state.MessageId = messageId;
        state.Stage = Stage.Envelope;

        if (!typeIsInteger)
        {
            error = Fail(ref state, OcppErrorCode.RpcFrameworkError, "The MessageTypeId (element 1) is not an integer.");
            return false;
        }

        // Part 4, 4.1.3 and 4.4: the rest of a frame of an unknown type is ignored, whatever it holds.
        if (state.MessageTypeId is not ((int)OcppMessageType.Call or (int)OcppMessageType.CallResult or (int)OcppMessageType.CallError))
        {
            error = Fail(ref state, OcppErrorCode.MessageTypeNotSupported, $"MessageTypeId {state.MessageTypeId} is not supported.");
            return false;
        }

        if (messageId.Length > MaxMessageIdLength)
        {
            error = Fail(ref state, OcppErrorCode.RpcFrameworkError, $"The MessageId is {messageId.Length} characters long; at most {MaxMessageIdLength} are allowed.");
            return false;
        }

        return (OcppMessageType)state.MessageTypeId switch
        {
            OcppMessageType.Call => TryReadCall(input, ref reader, ref state, out frame, out error),
            OcppMessageType.CallResult => TryReadCallResult(input, ref reader, ref state, out frame, out error),
            _ => TryReadCallError(input, ref reader, ref state, out frame, out error),
        };
    }

    private static bool TryReadCall(ReadOnlyMemory<byte> input, ref Utf8JsonReader reader, ref ParseState state, out OcppFrame frame, out OcppFrameError error)
    {
        frame = default;
        if (!TryReadString(ref reader, out string? action, out bool ended))
        {
            error = Fail(ref state, OcppErrorCode.ProtocolError, ended ? "A CALL has 4 elements; the Action is missing." : "The Action (element 3) is not a string.");
            return false;
        }

        if (!TryReadPayload(input, ref reader, ref state, "CALL", 4, out var payload, out error)
            || !TryReadEnd(ref reader, ref state, "CALL", 4, out error))
        {
            return false;
        }

        frame = OcppFrame.Call(state.MessageId!, action!, payload);
        return true;
    }

    private static bool TryReadCallResult(ReadOnlyMemory<byte> input, ref Utf8JsonReader reader, ref ParseState state, out OcppFrame frame, out OcppFrameError error)
    {
        frame = default;
        if (!TryReadPayload(input, ref reader, ref state, "CALLRESULT", 3, out var payload, out error)
            || !TryReadEnd(ref reader, ref state, "CALLRESULT", 3, out error))
        {
            return false;
        }

        frame = OcppFrame.CallResult(state.MessageId!, payload);
        return true;
    }

    private static bool TryReadCallError(ReadOnlyMemory<byte> input, ref Utf8JsonReader reader, ref ParseState state, out OcppFrame frame, out OcppFrameError error)
    {
        frame = default;
        if (!TryReadString(ref reader, out string? code, out bool ended))
        {
            error = Fail(ref state, OcppErrorCode.ProtocolError, ended ? "A CALLERROR has 5 elements; the ErrorCode is missing." : "The ErrorCode (element 3) is not a string.");
            return false;
        }

        if (!TryReadString(ref reader, out string? description, out ended))
        {
            error = Fail(ref state, OcppErrorCode.ProtocolError, ended ? "A CALLERROR has 5 elements; the ErrorDescription is missing." : "The ErrorDescription (element 4) is not a string.");
            return false;
        }

        if (!TryReadPayload(input, ref reader, ref state, "CALLERROR", 5, out var details, out error)
            || !TryReadEnd(ref reader, ref state, "CALLERROR", 5, out error))
        {
            return false;
        }

        frame = OcppFrame.CallError(state.MessageId!, code!, description!, details);
        return true;
    }

    private static bool TryReadString(ref Utf8JsonReader reader, out string? value, out bool arrayEnded)
    {
        value = null;
        arrayEnded = !reader.Read() || reader.TokenType == JsonTokenType.EndArray;
        if (arrayEnded || reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        value = reader.GetString();
        return true;
    }

    // The last object of a frame: the payload of a CALL or CALLRESULT, the details of a CALLERROR.
    private static bool TryReadPayload(
        ReadOnlyMemory<byte> input,
        ref Utf8JsonReader reader,
        ref ParseState state,
        string frameName,
        int elementCount,
        out ReadOnlyMemory<byte> payload,
        out OcppFrameError error)
    {
        payload = default;
        error = default;
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            error = Fail(ref state, OcppErrorCode.ProtocolError, $"A {frameName} has {elementCount} elements; the last one is missing.");
            return false;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                state.Stage = Stage.Payload;
                int start = checked((int)reader.TokenStartIndex);
                reader.Skip();
                payload = input[start..checked((int)reader.BytesConsumed)];
                state.Stage = Stage.Envelope;
                return true;

            // Part 4, 4.1.5 prefers {} but allows null for "no payload"; read it as {}.
            case JsonTokenType.Null:
                payload = EmptyObject;
                return true;

            default:
                error = Fail(ref state, OcppErrorCode.FormatViolation, $"The last element of a {frameName} (element {elementCount}) is not a JSON object.");
                return false;
        }
    }

    private static bool TryReadEnd(ref Utf8JsonReader reader, ref ParseState state, string frameName, int elementCount, out OcppFrameError error)
    {
        error = default;
        if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
        {
            error = Fail(ref state, OcppErrorCode.ProtocolError, $"A {frameName} has {elementCount} elements; this one has more.");
            return false;
        }

        // Only whitespace may follow; anything else makes the reader throw, which TryParse maps.
        if (reader.Read())
        {
            error = Fail(ref state, OcppErrorCode.RpcFrameworkError, "Data follows the frame's closing bracket.");
            return false;
        }

        return true;
    }

    private static OcppFrameError Fail(ref ParseState state, OcppErrorCode code, string description) =>
        new(state.MessageTypeId, state.MessageId, code, description);

    private struct ParseState
    {
        public Stage Stage;
        public int? MessageTypeId;
        public string? MessageId;
    }
}
