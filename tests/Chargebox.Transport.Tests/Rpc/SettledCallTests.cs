using Chargebox.Transport.Rpc;

namespace Chargebox.Transport.Tests.Rpc;

/// <summary><see cref="OcppRpcConnection.Call{TResponse}"/>: a CALL settled through a callback that runs where
/// the call is settled, so that an answer's effects come before those of the frames after it.</summary>
public sealed class SettledCallTests
{
    /// <summary>What the callbacks of one call saw, in order.</summary>
    private sealed class Outcomes
    {
        private readonly List<string> _seen = [];

        public List<Exception> Failures { get; } = [];

        public void Add(string what)
        {
            lock (_seen)
            {
                _seen.Add(what);
            }
        }

        public string[] Seen()
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }

        public void Call(RpcHarness rpc, string note) => rpc.Connection.Call(
            new PingRequest { Note = note },
            response => Add($"result {response.Status}"),
            failure =>
            {
                lock (Failures)
                {
                    Failures.Add(failure);
                }

                Add($"failure {failure.GetType().Name}");
            },
            CancellationToken.None);
    }

    [Fact]
    public async Task Answer_callback_runs_before_a_CALL_the_CSMS_sends_right_after_the_answer()
    {
        var outcomes = new Outcomes();
        var handler = new ScriptedHandler((_, request) =>
        {
            outcomes.Add($"poke {((PokeRequest)request).Value}");
            return OcppCallOutcome.Result(new PokeResponse { Status = "Accepted" });
        });
        await using var rpc = new RpcHarness(handler);

        // A race shows only now and then: many rounds make a regression visible.
        const int Rounds = 200;
        for (int i = 0; i < Rounds; i++)
        {
            outcomes.Call(rpc, $"{i}");
            var call = await rpc.Csms.ReceiveAsync();
            await rpc.Csms.SendAsync($$"""[3,"{{call.MessageId}}",{"status":"Accepted"}]""");
            await rpc.Csms.SendAsync($$"""[2,"csms-{{i}}","Poke",{"value":{{i}}}]""");
            Assert.Equal($"csms-{i}", (await rpc.Csms.ReceiveAsync()).MessageId);
        }

        var expected = Enumerable.Range(0, Rounds).SelectMany(i => new[] { "result Accepted", $"poke {i}" });
        Assert.Equal(expected, outcomes.Seen());
    }

    [Fact]
    public async Task CALLERROR_goes_to_the_failure_callback()
    {
        var outcomes = new Outcomes();
        await using var rpc = new RpcHarness();

        outcomes.Call(rpc, "1");
        var call = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[4,"{{call.MessageId}}","NotSupported","no",{}]""");
        await WaitForAsync(() => outcomes.Seen().Length == 1);

        var error = Assert.IsType<OcppCallErrorException>(Assert.Single(outcomes.Failures));
        Assert.Equal(Chargebox.Protocol.Framing.OcppErrorCode.NotSupported, error.ErrorCode);
    }

    [Fact]
    public async Task Timeout_settles_once_and_the_late_answer_is_dropped()
    {
        var outcomes = new Outcomes();
        await using var rpc = new RpcHarness(messageTimeout: TimeSpan.FromSeconds(30));

        outcomes.Call(rpc, "1");
        outcomes.Call(rpc, "2");
        var first = await rpc.Csms.ReceiveAsync();
        rpc.Time.Advance(TimeSpan.FromSeconds(30));

        // The slot is free again: the second CALL leaves, and the late answer to the first changes nothing.
        var second = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[3,"{{first.MessageId}}",{"status":"Accepted"}]""");
        await rpc.Csms.SendAsync($$"""[3,"{{second.MessageId}}",{"status":"Rejected"}]""");
        await WaitForAsync(() => outcomes.Seen().Length == 2);

        Assert.Equal(["failure OcppCallTimeoutException", "result Rejected"], outcomes.Seen());
        Assert.Equal(1, rpc.LoggedCount(1011));
    }

    [Fact]
    public async Task Closed_connection_fails_queued_and_new_calls()
    {
        var outcomes = new Outcomes();
        var rpc = new RpcHarness();

        outcomes.Call(rpc, "1");
        await rpc.Csms.ReceiveAsync();
        await rpc.DisposeAsync();
        outcomes.Call(rpc, "2");

        Assert.Equal(["failure OcppConnectionClosedException", "failure OcppConnectionClosedException"], outcomes.Seen());
    }

    [Fact]
    public async Task Throwing_callback_is_logged_and_the_connection_keeps_reading()
    {
        await using var rpc = new RpcHarness();
        rpc.Connection.Call(new PingRequest(), _ => throw new InvalidOperationException("boom"), _ => { }, CancellationToken.None);
        var call = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[3,"{{call.MessageId}}",{"status":"Accepted"}]""");

        var next = rpc.PingAsync("2");
        var nextFrame = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[3,"{{nextFrame.MessageId}}",{"status":"Rejected"}]""");

        Assert.Equal("Rejected", (await next).Status);
        Assert.Equal(1, rpc.LoggedCount(1022));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + RpcHarness.Guard;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The call was not settled.");
            await Task.Delay(5);
        }
    }
}
