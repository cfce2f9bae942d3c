using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Validation;
using Chargebox.Transport.Rpc;

namespace Chargebox.Transport.Tests.Rpc;

public sealed class InboundCallTests
{
    private static ScriptedHandler AcceptingHandler() =>
        new((_, _) => OcppCallOutcome.Result(new PokeResponse { Status = "Accepted" }));

    private static void AssertCallError(ReceivedFrame frame, string messageId, OcppErrorCode code)
    {
        Assert.Equal(OcppMessageType.CallError, frame.Type);
        Assert.Equal(messageId, frame.MessageId);
        Assert.Equal(code.ToString(), frame.ErrorCode);
        Assert.Equal("{}", frame.Payload);
    }

    [Fact]
    public async Task Csms_call_is_served_while_our_own_call_is_outstanding()
    {
        var handler = AcceptingHandler();
        await using var rpc = new RpcHarness(handler);
        var own = rpc.PingAsync("1");
        var ownFrame = await rpc.Csms.ReceiveAsync();

        await rpc.Csms.SendAsync("""[2,"csms-1","Poke",{"value":5}]""");
        var answer = await rpc.Csms.ReceiveAsync();

        Assert.False(own.IsCompleted);
        Assert.Equal(OcppMessageType.CallResult, answer.Type);
        Assert.Equal("csms-1", answer.MessageId);
        Assert.Equal("""{"status":"Accepted"}""", answer.Payload);
        Assert.Equal(5, Assert.IsType<PokeRequest>(Assert.Single(handler.Received)).Value);

        await rpc.Csms.SendAsync($$"""[3,"{{ownFrame.MessageId}}",{"status":"Accepted"}]""");
        Assert.Equal("Accepted", (await own).Status);
    }

    [Fact]
    public async Task Null_payload_is_served_as_an_empty_object()
    {
        await using var rpc = new RpcHarness(AcceptingHandler());

        await rpc.Csms.SendAsync("""[2,"csms-1","Poke",null]""");
        var answer = await rpc.Csms.ReceiveAsync();

        // {} lacks the required value, so the validator, not the framing, refuses it.
        Assert.Equal(OcppErrorCode.OccurrenceConstraintViolation.ToString(), answer.ErrorCode);
    }

    [Fact]
    public async Task Unknown_action_is_answered_NotImplemented()
    {
        var handler = AcceptingHandler();
        await using var rpc = new RpcHarness(handler);

        await rpc.Csms.SendAsync("""[2,"csms-1","Frobnicate",{}]""");

        AssertCallError(await rpc.Csms.ReceiveAsync(), "csms-1", OcppErrorCode.NotImplemented);
        Assert.Empty(handler.Received);
    }

    [Fact]
    public async Task Action_name_is_case_sensitive()
    {
        await using var rpc = new RpcHarness(AcceptingHandler());

        await rpc.Csms.SendAsync("""[2,"csms-1","poke",{"value":1}]""");

        AssertCallError(await rpc.Csms.ReceiveAsync(), "csms-1", OcppErrorCode.NotImplemented);
    }

    [Fact]
    public async Task Station_to_CSMS_action_received_from_the_CSMS_is_answered_NotSupported()
    {
        var handler = AcceptingHandler();
        await using var rpc = new RpcHarness(handler);

        await rpc.Csms.SendAsync("""[2,"csms-1","Ping",{}]""");

        AssertCallError(await rpc.Csms.ReceiveAsync(), "csms-1", OcppErrorCode.NotSupported);
        Assert.Empty(handler.Received);
    }

    [Fact]
    public async Task Without_a_handler_every_action_is_answered_NotSupported()
    {
        await using var rpc = new RpcHarness(handler: null);

        await rpc.Csms.SendAsync("""[2,"csms-1","Poke",{"value":1}]""");

        AssertCallError(await rpc.Csms.ReceiveAsync(), "csms-1", OcppErrorCode.NotSupported);
    }

    [Fact]
    public async Task Handler_may_refuse_with_its_own_error()
    {
        await using var rpc = new RpcHarness(new ScriptedHandler((action, _) => OcppCallOutcome.NotSupported(action)));

        await rpc.Csms.SendAsync("""[2,"csms-1","Poke",{"value":1}]""");
        var answer = await rpc.Csms.ReceiveAsync();

        AssertCallError(answer, "csms-1", OcppErrorCode.NotSupported);
        Assert.Equal("Poke is not supported by this charging station.", answer.ErrorDescription);
    }

    [Theory]
    [InlineData("""{"value":"five"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"value":-1}""")]
    [InlineData("""{"value":1,"extra":true}""")]
    public async Task Invalid_payload_is_answered_with_the_validators_code_and_description(string payload)
    {
        var handler = AcceptingHandler();
        await using var rpc = new RpcHarness(handler);
        var expected = PayloadValidator.Validate(System.Text.Encoding.UTF8.GetBytes(payload), TestActions.Poke.RequestSchema);

        await rpc.Csms.SendAsync($$"""[2,"csms-1","Poke",{{payload}}]""");
        var answer = await rpc.Csms.ReceiveAsync();

        Assert.NotNull(expected);
        AssertCallError(answer, "csms-1", expected.Value.Code);
        Assert.Equal(expected.Value.Description, answer.ErrorDescription);
        Assert.Empty(handler.Received);
    }

    [Fact]
    public async Task Handler_exception_is_answered_InternalError_logged_and_the_loop_goes_on()
    {
        int calls = 0;
        var handler = new ScriptedHandler((_, _) => ++calls == 1
            ? throw new InvalidOperationException("boom")
            : OcppCallOutcome.Result(new PokeResponse { Status = "Accepted" }));
        await using var rpc = new RpcHarness(handler);

        await rpc.Csms.SendAsync("""[2,"csms-1","Poke",{"value":1}]""");
        var first = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync("""[2,"csms-2","Poke",{"value":2}]""");
        var second = await rpc.Csms.ReceiveAsync();

        AssertCallError(first, "csms-1", OcppErrorCode.InternalError);
        Assert.DoesNotContain("boom", first.ErrorDescription);
        Assert.Equal(OcppMessageType.CallResult, second.Type);
        Assert.Contains(rpc.Logs.Entries, e => e.EventId == 1020 && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Response_of_the_wrong_type_is_answered_InternalError()
    {
        await using var rpc = new RpcHarness(new ScriptedHandler((_, _) => OcppCallOutcome.Result(new PingResponse { Status = "Accepted" })));

        await rpc.Csms.SendAsync("""[2,"csms-1","Poke",{"value":1}]""");

        AssertCallError(await rpc.Csms.ReceiveAsync(), "csms-1", OcppErrorCode.InternalError);
    }

    [Fact]
    public async Task Default_outcome_is_answered_InternalError()
    {
        await using var rpc = new RpcHarness(new ScriptedHandler((_, _) => default));

        await rpc.Csms.SendAsync("""[2,"csms-1","Poke",{"value":1}]""");

        AssertCallError(await rpc.Csms.ReceiveAsync(), "csms-1", OcppErrorCode.InternalError);
    }

    [Theory]
    [InlineData("not json at all", "-1", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""{"messageId":"x"}""", "-1", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[2,17,"Poke",{}]""", "-1", OcppErrorCode.RpcFrameworkError)]
    [InlineData("""[2,"bad-1"]""", "bad-1", OcppErrorCode.ProtocolError)]
    [InlineData("""[2,"bad-1","Poke",[]]""", "bad-1", OcppErrorCode.FormatViolation)]
    [InlineData("""[7,"bad-1","Poke",{}]""", "bad-1", OcppErrorCode.MessageTypeNotSupported)]
    public async Task Broken_frame_is_answered_and_does_not_stop_the_receive_loop(string garbage, string replyId, OcppErrorCode code)
    {
        await using var rpc = new RpcHarness(AcceptingHandler());

        await rpc.Csms.SendAsync(garbage);
        var error = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync("""[2,"csms-2","Poke",{"value":2}]""");
        var next = await rpc.Csms.ReceiveAsync();

        AssertCallError(error, replyId, code);
        Assert.Equal(OcppMessageType.CallResult, next.Type);
        Assert.Equal("csms-2", next.MessageId);
    }

    [Theory]
    [InlineData("""[3,"x"]""")]
    [InlineData("""[4,"x","GenericError"]""")]
    [InlineData("""[3,"x",{"status":"Accepted"}]""")]
    public async Task Broken_or_stray_answer_is_not_answered(string frame)
    {
        await using var rpc = new RpcHarness(AcceptingHandler());

        await rpc.Csms.SendAsync(frame);
        await rpc.Csms.SendAsync("""[2,"csms-2","Poke",{"value":2}]""");
        var next = await rpc.Csms.ReceiveAsync();

        // Frames are handled in order, so an answer to the first would have come first.
        Assert.Equal("csms-2", next.MessageId);
        Assert.Equal(OcppMessageType.CallResult, next.Type);
    }
}
