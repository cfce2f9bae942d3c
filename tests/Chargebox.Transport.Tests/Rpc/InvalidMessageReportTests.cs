using System.Collections.Concurrent;
using Chargebox.Protocol.Framing;
using Chargebox.Transport.Rpc;

namespace Chargebox.Transport.Tests.Rpc;

/// <summary>The RPC layer tells its owner of every inbound message that is not valid OCPP (for the security
/// event InvalidMessages), naming the error code and never the payload.</summary>
public sealed class InvalidMessageReportTests
{
    private readonly ConcurrentQueue<string> _reported = new();

    private static ScriptedHandler AcceptingHandler() =>
        new((_, _) => OcppCallOutcome.Result(new PokeResponse { Status = "Accepted" }));

    [Theory]
    [InlineData("""[2,"csms-1","Poke",{"value":"secret-text"}]""", OcppErrorCode.TypeConstraintViolation)]
    [InlineData("""[2,"csms-1","Frobnicate",{"value":"secret-text"}]""", OcppErrorCode.NotImplemented)]
    [InlineData("""[2,"csms-1","Ping",{"note":"secret-text"}]""", OcppErrorCode.NotSupported)]
    [InlineData("""[2,"csms-1","Poke",{"value":1},"secret-text"]""", OcppErrorCode.ProtocolError)]
    [InlineData("""[2,"csms-1","Poke",["secret-text"]]""", OcppErrorCode.FormatViolation)]
    public async Task Invalid_call_is_reported_with_its_error_code_and_without_its_payload(string frame, OcppErrorCode code)
    {
        await using var rpc = new RpcHarness(AcceptingHandler(), invalidMessageReceived: _reported.Enqueue);

        await rpc.Csms.SendAsync(frame);
        var answer = await rpc.Csms.ReceiveAsync();

        Assert.Equal(code.ToString(), answer.ErrorCode);
        var description = Assert.Single(_reported);
        Assert.StartsWith(code.ToString(), description, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-text", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unparseable_text_is_reported()
    {
        await using var rpc = new RpcHarness(AcceptingHandler(), invalidMessageReceived: _reported.Enqueue);

        await rpc.Csms.SendAsync("this is not json");
        await rpc.Csms.SendAsync("""[2,"csms-2","Poke",{"value":1}]""");
        var answer = await rpc.Csms.ReceiveAsync();
        while (answer.MessageId != "csms-2")
        {
            answer = await rpc.Csms.ReceiveAsync();
        }

        Assert.Equal(OcppMessageType.CallResult, answer.Type);
        Assert.Contains("broken frame", Assert.Single(_reported), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callresult_breaking_its_schema_is_reported()
    {
        await using var rpc = new RpcHarness(invalidMessageReceived: _reported.Enqueue);

        var call = rpc.PingAsync("1");
        var frame = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[3,"{{frame.MessageId}}",{"status":"Maybe"}]""");

        await Assert.ThrowsAsync<OcppInvalidResponseException>(() => call);
        Assert.Contains("CALLRESULT Ping", Assert.Single(_reported), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_messages_are_not_reported()
    {
        await using var rpc = new RpcHarness(AcceptingHandler(), invalidMessageReceived: _reported.Enqueue);

        await rpc.Csms.SendAsync("""[2,"csms-1","Poke",{"value":1}]""");
        var answer = await rpc.Csms.ReceiveAsync();

        Assert.Equal(OcppMessageType.CallResult, answer.Type);
        Assert.Empty(_reported);
    }

    [Fact]
    public async Task Observer_that_throws_does_not_end_the_connection()
    {
        await using var rpc = new RpcHarness(AcceptingHandler(), invalidMessageReceived: _ => throw new InvalidOperationException("observer"));

        await rpc.Csms.SendAsync("""[2,"csms-1","Frobnicate",{}]""");
        var first = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync("""[2,"csms-2","Poke",{"value":1}]""");
        var second = await rpc.Csms.ReceiveAsync();

        Assert.Equal(OcppErrorCode.NotImplemented.ToString(), first.ErrorCode);
        Assert.Equal(OcppMessageType.CallResult, second.Type);
        Assert.False(rpc.Running.IsCompleted);
    }
}
