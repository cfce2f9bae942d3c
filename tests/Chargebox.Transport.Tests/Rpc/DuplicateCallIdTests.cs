using System.Collections.Concurrent;
using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Chargebox.Transport.Rpc;

namespace Chargebox.Transport.Tests.Rpc;

/// <summary>Part 4, 4.2.3: a CALL whose messageId equals that of a CALL still being handled gets a CALLERROR
/// (RpcFrameworkError); the first CALL is still answered, and the id may be used again once it is.</summary>
public sealed class DuplicateCallIdTests
{
    private readonly ConcurrentQueue<string> _reported = new();

    [Fact]
    public async Task Call_reusing_the_id_of_a_call_being_handled_is_answered_RpcFrameworkError()
    {
        var handler = new HeldHandler();
        await using var rpc = new RpcHarness(handler, invalidMessageReceived: _reported.Enqueue);

        await rpc.Csms.SendAsync("""[2,"dup","Poke",{"value":1}]""");
        await handler.Started.Task.WaitAsync(RpcHarness.Guard, TimeProvider.System);
        await rpc.Csms.SendAsync("""[2,"dup","Poke",{"value":2}]""");

        var error = await rpc.Csms.ReceiveAsync();
        Assert.Equal(OcppMessageType.CallError, error.Type);
        Assert.Equal("dup", error.MessageId);
        Assert.Equal(OcppErrorCode.RpcFrameworkError.ToString(), error.ErrorCode);
        Assert.StartsWith(OcppErrorCode.RpcFrameworkError.ToString(), Assert.Single(_reported), StringComparison.Ordinal);

        handler.Release.SetResult();
        var result = await rpc.Csms.ReceiveAsync();
        Assert.Equal((OcppMessageType.CallResult, "dup"), (result.Type, result.MessageId));
        Assert.Equal(1, Assert.IsType<PokeRequest>(Assert.Single(handler.Received)).Value);
    }

    [Fact]
    public async Task Call_reusing_the_id_of_a_call_still_queued_is_answered_RpcFrameworkError()
    {
        var handler = new HeldHandler();
        await using var rpc = new RpcHarness(handler);

        await rpc.Csms.SendAsync("""[2,"first","Poke",{"value":1}]""");
        await handler.Started.Task.WaitAsync(RpcHarness.Guard, TimeProvider.System);
        await rpc.Csms.SendAsync("""[2,"queued","Poke",{"value":2}]""");
        await rpc.Csms.SendAsync("""[2,"queued","Poke",{"value":3}]""");

        var error = await rpc.Csms.ReceiveAsync();
        Assert.Equal((OcppMessageType.CallError, "queued", "RpcFrameworkError"), (error.Type, error.MessageId, error.ErrorCode));

        handler.Release.SetResult();
        Assert.Equal("first", (await rpc.Csms.ReceiveAsync()).MessageId);
        Assert.Equal((OcppMessageType.CallResult, "queued"), Frame(await rpc.Csms.ReceiveAsync()));
        Assert.Equal([1, 2], handler.Received.Select(r => ((PokeRequest)r).Value));
    }

    [Fact]
    public async Task Id_of_an_answered_call_may_be_used_again()
    {
        var handler = new HeldHandler();
        handler.Release.SetResult();
        await using var rpc = new RpcHarness(handler, invalidMessageReceived: _reported.Enqueue);

        await rpc.Csms.SendAsync("""[2,"again","Poke",{"value":1}]""");
        Assert.Equal((OcppMessageType.CallResult, "again"), Frame(await rpc.Csms.ReceiveAsync()));
        await rpc.Csms.SendAsync("""[2,"again","Poke",{"value":2}]""");

        Assert.Equal((OcppMessageType.CallResult, "again"), Frame(await rpc.Csms.ReceiveAsync()));
        Assert.Equal(2, handler.Received.Count);
        Assert.Empty(_reported);
    }

    private static (OcppMessageType, string) Frame(ReceivedFrame frame) => (frame.Type, frame.MessageId);

    /// <summary>Answers Accepted once the test releases it; tells when the first CALL reached it.</summary>
    private sealed class HeldHandler : IOcppCallHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentQueue<IOcppRequest> Received { get; } = new();

        public async ValueTask<OcppCallOutcome> HandleAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken)
        {
            Received.Enqueue(request);
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return OcppCallOutcome.Result(new PokeResponse { Status = "Accepted" });
        }
    }
}
