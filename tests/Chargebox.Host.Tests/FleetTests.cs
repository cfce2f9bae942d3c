using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Chargebox.Host.Cli;
using Chargebox.Host.Fleet;
using Chargebox.Testing.Csms;

namespace Chargebox.Host.Tests;

/// <summary><c>chargebox fleet</c> (docs/fleet.md): many stations in one process against the test CSMS.</summary>
public sealed class FleetTests
{
    private const int Stations = 20;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Every_station_of_an_idle_fleet_boots_with_its_own_identity_is_counted_at_api_fleet_and_closes_normally_on_stop()
    {
        await using var csms = await TestCsms.StartAsync();
        using var stop = new CancellationTokenSource();
        var sink = new StringWriter();
        var output = TextWriter.Synchronized(sink);
        var started = new TaskCompletionSource<StationFleet>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new FleetOptions
        {
            Connection = new CsmsConnectionOptions { CsmsUrl = csms.Url },
            Count = Stations,
            IdPrefix = "IDLE",
            Ramp = 200,
            ControlPort = 0,
            SummaryInterval = TimeSpan.FromMilliseconds(200),
        };
        var running = FleetCommand.RunAsync(options, output, TimeProvider.System, started.SetResult, stop.Token);

        var connections = new List<TestStationConnection>();
        for (var number = 1; number <= Stations; number++)
        {
            var connection = await csms.WaitForConnectionAsync($"IDLE{number:00000}", Wait);
            await connection.ExpectFrameAsync(
                f => f.Direction == FrameDirection.FromStation && f.Text.Contains("\"BootNotification\"", StringComparison.Ordinal) && f.Text.Contains("\"reason\":\"PowerUp\"", StringComparison.Ordinal),
                Wait);
            connections.Add(connection);
        }

        var fleet = await started.Task.WaitAsync(Wait);
        var summary = await EventuallyAsync(fleet, s => s.Accepted == Stations);
        Assert.Equal(new FleetSummary(Stations, Stations, Stations, Stations, 0, 0, 0, 0), summary);
        Assert.Equal(Stations, csms.ConnectionAttempts.Select(a => a.Identity).Distinct().Count());

        await WaitForAsync(() => Text(output, sink).Contains($"{Stations} accepted", StringComparison.Ordinal));
        using var http = new HttpClient { BaseAddress = new Uri(Regex.Match(Text(output, sink), @"control API on (http://\S+/)\.").Groups[1].Value), Timeout = Wait };
        using var fleetDocument = JsonDocument.Parse(await http.GetStringAsync("/api/fleet"));
        Assert.Equal(Stations, fleetDocument.RootElement.GetProperty("accepted").GetInt32());
        Assert.Equal(Stations, fleetDocument.RootElement.GetProperty("connected").GetInt32());
        using var stationDocument = JsonDocument.Parse(await http.GetStringAsync("/api/stations/IDLE00007/status"));
        Assert.Equal("IDLE00007", stationDocument.RootElement.GetProperty("stationId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/stations/IDLE00021/status")).StatusCode);
        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(Wait));
        foreach (var connection in connections)
        {
            var disconnect = await connection.WaitForDisconnectAsync(Wait);
            Assert.True(disconnect.WasClean, $"{connection.Identity} dropped its connection without a close frame");
        }
    }

    [Fact]
    public async Task In_the_charge_scenario_every_station_starts_and_ends_a_transaction_with_its_own_card()
    {
        await using var csms = await TestCsms.StartAsync(new TestCsmsOptions { AutoReplies = ChargingReplies() });
        using var stop = new CancellationTokenSource();
        var sink = new StringWriter();
        var output = TextWriter.Synchronized(sink);
        var running = ChargeboxCommand.RunAsync(
            ["fleet", "--csms", csms.Url.ToString(), "--count", $"{Stations}", "--ramp", "200", "--scenario", "charge", "--seed", "7", "--charge-seconds", "1", "--pause-seconds", "1..2"],
            output,
            TextWriter.Null,
            stop.Token);

        for (var number = 1; number <= Stations; number++)
        {
            var identity = $"CB{number:00000}";
            var connection = await csms.WaitForConnectionAsync(identity, Wait);
            var startedEvent = await connection.ExpectFrameAsync(f => f.Direction == FrameDirection.FromStation && IsTransactionEvent(f.Text, "Started"), Wait);
            Assert.Contains($"\"idToken\":\"{identity}\"", (await connection.ExpectFrameAsync(f => f.Direction == FrameDirection.FromStation && f.Text.Contains("\"idToken\"", StringComparison.Ordinal), Wait)).Text, StringComparison.Ordinal);
            await connection.ExpectFrameAsync(f => f.Direction == FrameDirection.FromStation && f.Timestamp >= startedEvent.Timestamp && IsTransactionEvent(f.Text, "Ended"), Wait);
        }

        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(Wait));
        Assert.Contains($"Fleet of {Stations} stations (CB00001..CB00020)", Text(output, sink), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "fleet", "--csms", "ws://127.0.0.1:9/ocpp" }, "Option '--count' is required")]
    [InlineData(new[] { "fleet", "--csms", "ws://127.0.0.1:9/ocpp", "--count", "0" }, "option --count: '0' is not a whole number from 1 to 100000")]
    [InlineData(new[] { "fleet", "--csms", "ws://127.0.0.1:9/ocpp", "--count", "100001" }, "option --count: '100001'")]
    [InlineData(new[] { "fleet", "--csms", "ws://127.0.0.1:9/ocpp", "--count", "5", "--scenario", "race" }, "option --scenario: 'race' is not idle or charge")]
    [InlineData(new[] { "fleet", "--csms", "ws://127.0.0.1:9/ocpp", "--count", "5", "--charge-seconds", "9..3" }, "option --charge-seconds: '9..3'")]
    [InlineData(new[] { "fleet", "--csms", "ws://127.0.0.1:9/ocpp", "--count", "5", "--ramp", "0" }, "option --ramp: '0'")]
    [InlineData(new[] { "fleet", "--csms", "ws://127.0.0.1:9/ocpp", "--count", "5", "--id-prefix", "A/B" }, "option --id-prefix: 'A/B'")]
    [InlineData(new[] { "fleet", "--csms", "ws://127.0.0.1:9/ocpp", "--count", "5", "--security-profile", "2" }, "security profile 2 needs a wss:// URL")]
    [InlineData(new[] { "fleet", "--csms", "http://127.0.0.1:9/ocpp", "--count", "5" }, "not a ws:// or wss:// URL")]
    public async Task Bad_fleet_options_exit_with_code_2_and_one_line_naming_the_problem(string[] arguments, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await ChargeboxCommand.RunAsync(arguments, output, error, CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("chargebox: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 9, "CB00001")]
    [InlineData(9, 9, "CB00009")]
    [InlineData(123456, 100000, "CB123456")]
    [InlineData(42, 100000, "CB000042")]
    public void Identities_are_the_prefix_and_the_number_padded_to_the_width_of_the_count(int number, int count, string identity) =>
        Assert.Equal(identity, StationIdentities.For("CB", number, count));

    /// <summary>The defaults plus a CSMS that accepts every card, at Authorize and in TransactionEvent.</summary>
    private static Dictionary<string, Func<OcppCall, TimeProvider, JsonNode>> ChargingReplies()
    {
        var replies = AutoReplies.CreateDefaults();
        replies["Authorize"] = (_, _) => new JsonObject { ["idTokenInfo"] = new JsonObject { ["status"] = "Accepted" } };
        replies["TransactionEvent"] = (call, _) => call["idToken"] is null
            ? new JsonObject()
            : new JsonObject { ["idTokenInfo"] = new JsonObject { ["status"] = "Accepted" } };
        replies["MeterValues"] = (_, _) => new JsonObject();
        replies["NotifyEvent"] = (_, _) => new JsonObject();
        return replies;
    }

    // The synchronized writer locks itself while writing: reading under the same lock sees whole lines.
    private static string Text(TextWriter output, StringWriter sink)
    {
        lock (output)
        {
            return sink.ToString();
        }
    }

    private static bool IsTransactionEvent(string frame, string eventType) =>
        frame.Contains("\"TransactionEvent\"", StringComparison.Ordinal) && frame.Contains($"\"eventType\":\"{eventType}\"", StringComparison.Ordinal);

    private static async Task<FleetSummary> EventuallyAsync(StationFleet fleet, Func<FleetSummary, bool> condition)
    {
        FleetSummary? last = null;
        await WaitForAsync(async () => condition(last = await fleet.GetSummaryAsync(CancellationToken.None)));
        return last!;
    }

    private static Task WaitForAsync(Func<bool> condition) => WaitForAsync(() => Task.FromResult(condition()));

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the fleet did not get there in time");
            await Task.Delay(50);
        }
    }
}
