using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Validation;

namespace Chargebox.Benchmarks;

/// <summary>The steps of <see cref="ProtocolRoundTripBenchmarks"/> one by one, to see where the time and
/// the allocations of a round trip go: frame parse (with the action look-up), schema validation,
/// deserialization, and serialization of the payload into a new CALL frame.</summary>
[MemoryDiagnoser]
public class ProtocolStepBenchmarks
{
    private readonly PooledBufferWriter _output = new(16 * 1024);
    private byte[] _frame = [];
    private OcppAction _action = OcppActions.Heartbeat;
    private ReadOnlyMemory<byte> _payload;
    private object _request = new();
    private string _messageId = "";

    [Params("TransactionEvent", "GetVariables30", "NotifyReport30")]
    public string Message { get; set; } = "TransactionEvent";

    [GlobalSetup]
    public void Setup()
    {
        _frame = SampleFrames.ByName(Message);
        if (!OcppFrameReader.TryParse(_frame, out var call, out var error) || !OcppActions.TryGet(call.Action!, out var action))
        {
            throw new InvalidOperationException($"Sample frame {Message} rejected: {error}");
        }

        _action = action;
        _payload = call.Payload;
        _messageId = call.MessageId;
        _request = JsonSerializer.Deserialize(_payload.Span, _action.RequestTypeInfo)!;
    }

    /// <summary>The floor on this machine: one pass of the tokenizer over the payload, doing nothing.
    /// Frame parse, validation and deserialization each make one such pass.</summary>
    [Benchmark(Description = "0 tokenizer pass only (floor)")]
    public int Tokenize()
    {
        var reader = new Utf8JsonReader(_payload.Span);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark(Description = "1 frame parse + action look-up")]
    public bool FrameParse() =>
        OcppFrameReader.TryParse(_frame, out var call, out _) && OcppActions.TryGet(call.Action!, out _);

    [Benchmark(Description = "2 validate")]
    public bool Validate() => PayloadValidator.Validate(_payload.Span, _action.RequestSchema) is null;

    [Benchmark(Description = "3 deserialize")]
    public object? Deserialize() => JsonSerializer.Deserialize(_payload.Span, _action.RequestTypeInfo);

    [Benchmark(Description = "4 serialize into a CALL frame")]
    public int Serialize()
    {
        _output.Clear();
        OcppFrameWriter.WriteCall(_output, _messageId, _action.Name, (_request, _action), WritePayload);
        return _output.WrittenCount;
    }

    private static void WritePayload(Utf8JsonWriter writer, (object Request, OcppAction Action) state) =>
        Protocol.Serialization.OcppPayloadCodec.Write(writer, state.Request, state.Action.RequestTypeInfo);
}
