using System.Text.Json;
using Chargebox.Protocol;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;
using Chargebox.Transport.Rpc;
using Chargebox.Transport.WebSockets;
using static Chargebox.Transport.Tests.WebSockets.TestStations;

namespace Chargebox.Transport.Tests.Robustness;

/// <summary>Part 4, 4.2.3 and 4.4: whatever the CSMS sends, the station's connection survives, answers every
/// CALL-like frame with the right CALLERROR (or ignores a broken answer), and keeps working afterwards.</summary>
public sealed class MalformedFrameRobustnessTests
{
    private const int FrameCount = 10_000;

    [Fact]
    public async Task Ten_thousand_random_and_malformed_frames_get_the_right_CALLERRORs_and_the_connection_still_works()
    {
        await using var csms = await TestCsms.StartAsync();
        await using var channel = await new OcppWebSocketConnector().ConnectAsync(Profile1(csms), CancellationToken.None);
        var station = await csms.WaitForConnectionAsync(Identity, Patience);
        var rpc = new OcppRpcConnection(channel, new GetVariablesAnswerer(), new OcppRpcOptions { StationId = Identity }, TimeProvider.System);
        using var stop = new CancellationTokenSource();
        var running = rpc.RunAsync(stop.Token);

        var random = new Random(20261125);
        var expectations = new List<Expectation>(FrameCount);
        for (var i = 0; i < FrameCount; i++)
        {
            var (frame, expected) = MalformedFrames.Next(random, i);
            expectations.Add(expected);
            await station.SendRawAsync(frame);
        }

        var expectedReplies = expectations.Count(e => e.ExpectsReply);
        var replies = await WaitForRepliesAsync(station, expectedReplies);

        Assert.False(running.IsCompleted, "the receive loop ended");
        var byId = replies.Where(r => r.MessageId != "-1").ToDictionary(r => r.MessageId, r => r.ErrorCode);
        var missing = expectations
            .Where(e => e.ExpectsReply && e.MessageId != "-1" && !byId.ContainsKey(e.MessageId!))
            .GroupBy(e => e.Kind)
            .Select(g => $"{g.Key}: {g.Count()}")
            .ToList();
        Assert.True(missing.Count == 0, "no CALLERROR for: " + string.Join("; ", missing));
        Assert.Equal(expectedReplies, replies.Count);
        foreach (var expected in expectations.Where(e => e.ExpectsReply && e.MessageId != "-1"))
        {
            Assert.True(byId.TryGetValue(expected.MessageId!, out var code), $"no CALLERROR for {expected.Kind} {expected.MessageId}");
            Assert.True(expected.Codes.Contains(code!), $"{expected.Kind} {expected.MessageId}: got {code}, expected one of {string.Join(", ", expected.Codes)}");
        }

        var unreadable = expectations.Count(e => e.MessageId == "-1");
        Assert.Equal(unreadable, replies.Count(r => r.MessageId == "-1"));
        Assert.All(replies.Where(r => r.MessageId == "-1"), r => Assert.Equal("RpcFrameworkError", r.ErrorCode));

        // Afterwards the connection works both ways.
        var answer = await station.CallAsync("GetVariables", new
        {
            getVariableData = new[] { new { component = new { name = "OCPPCommCtrlr" }, variable = new { name = "HeartbeatInterval" } } },
        }, Patience);
        Assert.False(answer.IsError, answer.ErrorDescription);
        Assert.Equal("UnknownComponent", answer.Payload.GetProperty("getVariableResult")[0].GetProperty("attributeStatus").GetString());

        var heartbeat = await rpc.CallAsync(new HeartbeatRequest(), CancellationToken.None).WaitAsync(Patience);
        Assert.True(heartbeat.CurrentTime > DateTimeOffset.UnixEpoch);

        await stop.CancelAsync();
        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
    }

    private static async Task<List<(string MessageId, string? ErrorCode)>> WaitForRepliesAsync(TestStationConnection station, int expected)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var replies = station.Frames
                .Where(f => f.Direction == FrameDirection.FromStation)
                .Select(f => Parse(f.Text))
                .Where(r => r.Type == 4)
                .Select(r => (r.MessageId, r.ErrorCode))
                .ToList();
            if (replies.Count >= expected || DateTimeOffset.UtcNow > deadline)
            {
                return replies;
            }

            // Bounded wait for socket traffic, not for behaviour.
            await Task.Delay(20);
        }
    }

    private static (int Type, string MessageId, string? ErrorCode) Parse(string frame)
    {
        using var document = JsonDocument.Parse(frame);
        var root = document.RootElement;
        var type = root[0].GetInt32();
        return (type, root[1].GetString()!, type == 4 ? root[2].GetString() : null);
    }

    /// <summary>Answers the one valid CALL of the test; every other action is not served.</summary>
    private sealed class GetVariablesAnswerer : IOcppCallHandler
    {
        public ValueTask<OcppCallOutcome> HandleAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken)
        {
            if (request is not GetVariablesRequest get)
            {
                return ValueTask.FromResult(OcppCallOutcome.NotSupported(action));
            }

            var results = get.GetVariableData.Select(d => new GetVariableResultType
            {
                AttributeStatus = GetVariableStatusEnumType.UnknownComponent,
                Component = d.Component,
                Variable = d.Variable,
            }).ToList();
            return ValueTask.FromResult(OcppCallOutcome.Result(new GetVariablesResponse { GetVariableResult = results }));
        }
    }
}
