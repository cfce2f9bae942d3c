using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Chargebox.FleetBench;
using Chargebox.Host.Cli;
using Chargebox.Host.Fleet;
using Chargebox.Station;

// Fleet mode at scale (docs/performance.md, "Fleet"): N idle stations of `chargebox fleet` in this process,
// in-memory stores, against an in-process CSMS that accepts everything. Measures the time until every
// station's boot is accepted, managed memory and working set per station, then the round trips
// TriggerMessage(Heartbeat) → the station's Heartbeat and, with an EV plugged into every station,
// RequestStartTransaction → the station's TransactionEvent, each for every station with a bounded number
// in flight. Not run in CI.
// Usage: dotnet run -c Release --project bench/Chargebox.FleetBench [-- <stations> [<ramp per second> [<in flight>]]]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var ramp = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var inFlight = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50;
var timeout = TimeSpan.FromSeconds(30);

// Bounded: the whole run is cancelled after ten minutes whatever happens.
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var cancellationToken = deadline.Token;

await using var csms = await AcceptAllCsms.StartAsync(cancellationToken);
var (managedBefore, workingSetBefore) = Memory();

var options = new FleetOptions { Connection = new CsmsConnectionOptions { CsmsUrl = csms.Url }, Count = count, IdPrefix = "FB", Ramp = ramp };
var template = new ChargingStationOptions { Identity = "fleet", CsmsUrl = csms.Url };
var fleet = new StationFleet(options, template);
var started = Stopwatch.StartNew();
await fleet.StartAsync(cancellationToken);
FleetSummary summary;
do
{
    await Task.Delay(100, cancellationToken);
    summary = await fleet.GetSummaryAsync(cancellationToken);
}
while (summary.Accepted < count);
var allAccepted = started.Elapsed;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} stations, ramp {ramp}/s: all accepted after {allAccepted.TotalSeconds:F2} s (the ramp alone takes {(count - 1) / (double)ramp:F2} s)"));

var (managedAfter, workingSetAfter) = Memory();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"per station: managed {(managedAfter - managedBefore) / (double)count / 1024:F1} KiB (after a full GC), working set {(workingSetAfter - workingSetBefore) / (double)count / 1024:F1} KiB; process working set {workingSetAfter / 1024.0 / 1024:F0} MiB"));

var identities = Enumerable.Range(1, count).Select(n => StationIdentities.For(options.IdPrefix, n, count)).ToArray();
var heartbeats = new Latencies("TriggerMessage Heartbeat → Heartbeat", count);
await ForEachAsync(identities, async id => heartbeats.Add(await csms.TimeAsync(id, "TriggerMessage", new JsonObject { ["requestedMessage"] = "Heartbeat" }, "Heartbeat", timeout)));
Console.WriteLine(heartbeats.Summary());

foreach (var id in identities)
{
    fleet.Find(id)!.Charger.Plug(1);
}

await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken); // the Occupied StatusNotifications go out first
var remoteStartId = 0;
var transactions = new Latencies("RequestStartTransaction → TransactionEvent", count);
await ForEachAsync(identities, async id => transactions.Add(await csms.TimeAsync(
    id,
    "RequestStartTransaction",
    new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = id, ["type"] = "Local" }, ["remoteStartId"] = Interlocked.Increment(ref remoteStartId), ["evseId"] = 1 },
    "TransactionEvent",
    timeout)));
Console.WriteLine(transactions.Summary());

var stopping = Stopwatch.StartNew();
await fleet.DisposeAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stop (every station closes its connection): {stopping.Elapsed.TotalSeconds:F2} s; CSMS still sees {csms.Connected} connections"));
return 0;

async Task ForEachAsync(IEnumerable<string> ids, Func<string, Task> measure)
{
    await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = inFlight, CancellationToken = cancellationToken }, async (id, _) => await measure(id).ConfigureAwait(false));
}

static (long Managed, long WorkingSet) Memory()
{
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    using var process = Process.GetCurrentProcess();
    return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
}
