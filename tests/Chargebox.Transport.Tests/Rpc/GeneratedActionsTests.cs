using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Messages;
using Chargebox.Transport.Rpc;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Transport.Tests.Rpc;

/// <summary>The public constructor, which finds inbound actions in the generated <see cref="OcppActions"/>.</summary>
public sealed class GeneratedActionsTests : IAsyncLifetime
{
    private readonly TestCsms _csms;
    private readonly OcppRpcConnection _connection;
    private readonly ScriptedHandler _handler = new((_, _) => OcppCallOutcome.Result(new ResetResponse { Status = ResetStatusEnumType.Accepted }));
    private Task _running = Task.CompletedTask;

    public GeneratedActionsTests()
    {
        var (station, csms) = InMemoryOcppChannel.CreatePair();
        _csms = new TestCsms(csms);
        _connection = new OcppRpcConnection(station, _handler, new OcppRpcOptions { StationId = "CS-GEN" }, new FakeTimeProvider());
    }

    public Task InitializeAsync()
    {
        _running = _connection.RunAsync(CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _csms.CloseAsync();
        await _running.WaitAsync(RpcHarness.Guard, TimeProvider.System);
    }

    [Fact]
    public async Task Heartbeat_call_returns_the_typed_response()
    {
        var call = _connection.CallAsync(new HeartbeatRequest(), CancellationToken.None).WaitAsync(RpcHarness.Guard, TimeProvider.System);
        var frame = await _csms.ReceiveAsync();
        await _csms.SendAsync($$"""[3,"{{frame.MessageId}}",{"currentTime":"2026-03-01T12:00:00.000Z"}]""");

        Assert.Equal("Heartbeat", frame.Action);
        Assert.Equal("{}", frame.Payload);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), (await call).CurrentTime);
    }

    [Fact]
    public async Task Reset_from_the_CSMS_reaches_the_handler_as_a_ResetRequest()
    {
        await _csms.SendAsync("""[2,"r1","Reset",{"type":"Immediate"}]""");
        var answer = await _csms.ReceiveAsync();

        Assert.Equal(OcppMessageType.CallResult, answer.Type);
        Assert.Equal("""{"status":"Accepted"}""", answer.Payload);
        Assert.Equal(ResetEnumType.Immediate, Assert.IsType<ResetRequest>(Assert.Single(_handler.Received)).Type);
    }

    [Theory]
    [InlineData("BootNotification", OcppErrorCode.NotSupported)]
    [InlineData("Heartbeat", OcppErrorCode.NotSupported)]
    [InlineData("Frobnicate", OcppErrorCode.NotImplemented)]
    [InlineData("reset", OcppErrorCode.NotImplemented)]
    public async Task Action_lookup_uses_the_generated_registry(string action, OcppErrorCode expected)
    {
        await _csms.SendAsync($$"""[2,"x1","{{action}}",{}]""");
        var answer = await _csms.ReceiveAsync();

        Assert.Equal(expected.ToString(), answer.ErrorCode);
        Assert.Equal("x1", answer.MessageId);
    }
}
