using System.Text;

namespace Chargebox.Transport.Tests.Robustness;

/// <summary>What the station must answer to one malformed frame: nothing, or a CALLERROR with one of the
/// allowed codes, carrying <see cref="MessageId"/> ("-1" when the frame's id cannot be read, Part 4, 4.2.3).</summary>
internal sealed record Expectation(string Kind, string? MessageId, IReadOnlySet<string> Codes)
{
    public bool ExpectsReply => MessageId is not null;
}

/// <summary>Makes random broken OCPP-J frames of many kinds, each with the answer the mapping in
/// docs/rpc.md and docs/validation.md prescribes. Seeded, so a failure can be replayed.</summary>
internal static class MalformedFrames
{
    private const string Printable = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 {}[],:\"'\\/.-+*&^%$#@!é€😀";

    private static readonly string[] NotArrays = ["{\"a\":1}", "\"text\"", "42", "null", "true", "{}", "-0.5e3", "\"[2,\\\"x\\\"]\""];

    private static readonly string[] NoId = ["[]", "[2]", "[2,17,\"Heartbeat\",{}]", "[2,null,\"Reset\",{}]", "[2,{\"id\":1},\"Reset\",{}]"];

    // A broken answer is never answered (an answer to an answer could bounce between peers forever).
    private static readonly string[] BrokenAnswers = ["[3]", "[4]", "[3,[],{}]", "[4,null,\"GenericError\",\"\",{}]"];

    private static readonly string[] StationToCsmsActions = ["BootNotification", "Heartbeat", "StatusNotification", "TransactionEvent", "Authorize", "MeterValues"];

    public static (string Frame, Expectation Expected) Next(Random random, int index)
    {
        var id = $"r{index}";
        var quotedId = $"\"{id}\"";
        return random.Next(17) switch
        {
            16 => (BrokenAnswers[random.Next(BrokenAnswers.Length)], NoReply("broken answer without id")),
            0 => (Garbage(random), Error("garbage", "-1", "RpcFrameworkError")),
            1 => (NotArrays[random.Next(NotArrays.Length)], Error("not an array", "-1", "RpcFrameworkError")),
            2 => (NoId[random.Next(NoId.Length)], Error("no readable id", "-1", "RpcFrameworkError")),
            3 => ($"[{random.Next(5, 100)},{quotedId},\"Reset\",{{}}]", Error("unknown message type", id, "MessageTypeNotSupported")),
            4 => ($"[2,{quotedId},\"GetVariables\"]", Error("CALL with 3 elements", id, "ProtocolError")),
            5 => ($"[2,{quotedId},\"NoSuchAction{random.Next(1000)}\",{{}}]", Error("unknown action", id, "NotImplemented")),
            6 => ($"[2,{quotedId},\"{StationToCsmsActions[random.Next(StationToCsmsActions.Length)]}\",{{}}]", Error("station-to-CSMS action", id, "NotSupported")),
            7 => ($"[2,{quotedId},\"GetVariables\",[1,2,3]]", Error("payload not an object", id, "FormatViolation")),
            8 => ($"[2,{quotedId},\"GetVariables\",{{}}]", Error("required property missing", id, "OccurrenceConstraintViolation")),
            9 => ($"[2,{quotedId},\"GetVariables\",{{\"getVariableData\":\"all\"}}]", Error("wrong type", id, "TypeConstraintViolation")),
            10 => ($"[2,{quotedId},\"Reset\",{{\"type\":\"Sometimes\"}}]", Error("enum value out of range", id, "PropertyConstraintViolation")),
            11 => ($"[2,{quotedId},\"Reset\",{{\"type\":\"Immediate\",\"unexpected\":{random.Next()}}}]", Error("unknown property", id, "FormatViolation")),
            12 => ($"[3,{quotedId},{{\"status\":\"Accepted\"}}]", NoReply("CALLRESULT for an unknown id")),
            13 => ($"[4,{quotedId},\"GenericError\",\"nothing\",{{}}]", NoReply("CALLERROR for an unknown id")),
            14 => Truncated(random, id, quotedId),
            _ => TooLongId(random, index),
        };
    }

    private static (string, Expectation) Truncated(Random random, string id, string quotedId)
    {
        // A valid GetVariables CALL cut somewhere after its id: the id is readable, the rest is broken.
        var valid = $"[2,{quotedId},\"GetVariables\",{{\"getVariableData\":[{{\"component\":{{\"name\":\"OCPPCommCtrlr\"}},\"variable\":{{\"name\":\"HeartbeatInterval\"}}}}]}}]";
        var keepAtLeast = 4 + quotedId.Length;
        var cut = random.Next(keepAtLeast, valid.Length - 1);
        return (valid[..cut], Error("truncated", id, "RpcFrameworkError", "ProtocolError", "FormatViolation"));
    }

    private static (string, Expectation) TooLongId(Random random, int index)
    {
        // Table 4: messageId is at most 36 characters. The CALLERROR carries the id as sent.
        var longId = new string('x', 37 + random.Next(20)) + index;
        return ($"[2,\"{longId}\",\"Reset\",{{}}]", Error("messageId longer than 36", longId, "RpcFrameworkError"));
    }

    private static string Garbage(Random random)
    {
        var length = random.Next(1, 60);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Printable[random.Next(Printable.Length)]);
        }

        // Keep it from being a JSON array by chance: those are covered by the other kinds.
        return text.ToString().TrimStart().StartsWith('[') ? "x" + text : text.ToString();
    }

    private static Expectation Error(string kind, string messageId, params string[] codes) =>
        new(kind, messageId, codes.ToHashSet(StringComparer.Ordinal));

    private static Expectation NoReply(string kind) => new(kind, null, new HashSet<string>());
}
