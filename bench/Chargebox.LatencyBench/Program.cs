using System.Diagnostics;
using System.Globalization;
using Chargebox.LatencyBench;
using Chargebox.Simulator;
using Chargebox.Station;
using Chargebox.Station.Profiles;
using Chargebox.Storage;
using Chargebox.Testing.Csms;

// Station runtime latency (docs/performance.md): a real ChargingStation on simulated hardware and an
// in-memory store, connected over loopback WebSocket to the test CSMS, which sends requests one after
// another and times each: GetVariables of one variable (sent → CALLRESULT), and TriggerMessage
// Heartbeat (sent → CALLRESULT, and sent → the station's Heartbeat CALL); then, with an EV plugged in,
// RequestStartTransaction (sent → the Started TransactionEvent).
// Usage: dotnet run -c Release --project bench/Chargebox.LatencyBench [-- <requests per kind> [<warm-up> [<remote starts>]]]
var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var warmUp = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
var remoteStarts = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
var timeout = TimeSpan.FromSeconds(10);

// Bounded: the whole run is cancelled after ten minutes whatever happens.
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var cancellationToken = deadline.Token;

await using var csms = await TestCsms.StartAsync(cancellationToken: cancellationToken);
var options = new ChargingStationOptions { Identity = "LATENCY01", CsmsUrl = csms.Url };
var charger = new SimulatedCharger(SimulatedLayout(options.Profile), options.TimeProvider);
await using var station = await ChargingStation.CreateAsync(
    options,
    new() { Evses = charger.Evses, Power = charger.Power },
    new InMemoryStationStore(),
    cancellationToken);
charger.AttachEventSink(station);
station.Start();

var connection = await csms.WaitForConnectionAsync(options.Identity, timeout, cancellationToken);
// The benchmark answers the triggered Heartbeats itself, so that it sees each one arrive.
connection.DisableAutoReply("Heartbeat");
// StatusNotification comes after the auto-replied BootNotification was accepted: the station is in service.
await connection.ExpectFrameAsync(f => f.Text.Contains("\"StatusNotification\"", StringComparison.Ordinal), timeout, cancellationToken);

const string GetVariables = """{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""";
const string TriggerHeartbeat = """{"requestedMessage":"Heartbeat"}""";

var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration());
var getVariables = new Latencies("GetVariables (1 variable): sent → result", requests);
var trigger = new Latencies("TriggerMessage Heartbeat: sent → result", requests);
var triggered = new Latencies("TriggerMessage Heartbeat: sent → Heartbeat", requests);

for (var i = 0; i < warmUp + requests; i++)
{
    var measured = i >= warmUp;

    var start = Stopwatch.GetTimestamp();
    var variables = await connection.CallAsync("GetVariables", GetVariables, timeout, cancellationToken);
    var end = Stopwatch.GetTimestamp();
    Check(variables, "GetVariables");
    if (measured)
    {
        getVariables.Add(end - start);
    }

    start = Stopwatch.GetTimestamp();
    var accepted = await connection.CallAsync("TriggerMessage", TriggerHeartbeat, timeout, cancellationToken);
    var resultAt = Stopwatch.GetTimestamp();
    Check(accepted, "TriggerMessage");
    var heartbeat = await connection.ExpectCallAsync("Heartbeat", timeout, cancellationToken);
    var heartbeatAt = Stopwatch.GetTimestamp();
    await connection.ReplyAsync(heartbeat, $$"""{"currentTime":"{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}"}""", cancellationToken);
    if (measured)
    {
        trigger.Add(resultAt - start);
        triggered.Add(heartbeatAt - start);
    }
}

// The EV waits plugged in (Occupied reported) for every remote start; AuthorizeRemoteStart is false by default.
charger.Plug(1);
await connection.ExpectFrameAsync(f => f.Text.Contains("\"Occupied\"", StringComparison.Ordinal), timeout, cancellationToken);
var remoteStart = await RemoteStartLatency.MeasureAsync(connection, remoteStarts, Math.Min(warmUp, 100), timeout, cancellationToken);

Console.WriteLine($"{requests} requests of each kind after {warmUp} warm-up rounds, one at a time, loopback WebSocket, {Environment.ProcessorCount} cores:");
Console.WriteLine(getVariables.Summary());
Console.WriteLine(trigger.Summary());
Console.WriteLine(triggered.Summary());
Console.WriteLine(remoteStart.Summary());
// Garbage collections during the run (warm-up included), to tell GC pauses from scheduling noise in the tail.
Console.WriteLine(
    $"GC during the run: gen0 {GC.CollectionCount(0) - gcBefore.Gen0}, gen1 {GC.CollectionCount(1) - gcBefore.Gen1}, gen2 {GC.CollectionCount(2) - gcBefore.Gen2}, " +
    $"total pause {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds:F1} ms");
charger.Dispose();
return 0;

static void Check(CallOutcome outcome, string action)
{
    if (outcome.IsError)
    {
        throw new InvalidOperationException($"{action} was answered with CALLERROR {outcome.ErrorCode}: {outcome.ErrorDescription}");
    }
}

// The simulator's layout for the profile's EVSEs, as the host builds it (src/Chargebox.Host/Runtime/SimulatorLayout.cs).
static SimulatedChargerOptions SimulatedLayout(StationProfile profile) => new()
{
    Evses = profile.Evses.Select(evse => new SimulatedEvseOptions
    {
        Id = evse.Id,
        SupplyType = evse.IsDc ? SimulatedSupplyType.DC : SimulatedSupplyType.AC,
        Phases = evse.IsDc ? 1 : evse.Phases,
        NominalVoltageV = evse.Voltage,
        MaxCurrentA = evse.MaxCurrent,
        Connectors = evse.Connectors.Select(c => new SimulatedConnectorOptions { Id = c.Id, HasLock = !c.FixedCable }).ToList(),
    }).ToList(),
};
