using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Serialization;

namespace Chargebox.Benchmarks;

/// <summary>What the station does with every inbound CALL and outbound message: parse the OCPP-J frame,
/// validate the payload against its schema, deserialize it, and serialize it back into a frame.
/// Aim (issue #2): under 10 µs and under 4 KB allocated for the TransactionEvent round trip.</summary>
[MemoryDiagnoser]
public class ProtocolRoundTripBenchmarks
{
    private readonly PooledBufferWriter _output = new(16 * 1024);

    [Benchmark(Description = "TransactionEvent with meter values")]
    public int TransactionEvent() => RoundTrip(SampleFrames.TransactionEvent);

    [Benchmark(Description = "GetVariables, 30 items")]
    public int GetVariables30() => RoundTrip(SampleFrames.GetVariables30);

    [Benchmark(Description = "NotifyReport, 30 items")]
    public int NotifyReport30() => RoundTrip(SampleFrames.NotifyReport30);

    /// <summary>Parse + validate + deserialize + serialize; returns the bytes written so nothing is optimised away.</summary>
    internal int RoundTrip(byte[] frame)
    {
        if (!OcppFrameReader.TryParse(frame, out var call, out var frameError))
        {
            throw new InvalidOperationException($"Sample frame rejected: {frameError}");
        }

        if (!OcppActions.TryGet(call.Action!, out var action))
        {
            throw new InvalidOperationException($"Unknown action {call.Action}");
        }

        if (!OcppPayloadCodec.TryRead(call.Payload.Span, action.RequestSchema, action.RequestTypeInfo, out var request, out var error))
        {
            throw new InvalidOperationException($"Sample payload rejected: {error}");
        }

        _output.Clear();
        OcppFrameWriter.WriteCall(_output, call.MessageId, action.Name, (request, action), WritePayload);
        return _output.WrittenCount;
    }

    private static void WritePayload(Utf8JsonWriter writer, (object Request, OcppAction Action) state) =>
        OcppPayloadCodec.Write(writer, state.Request, state.Action.RequestTypeInfo);
}
