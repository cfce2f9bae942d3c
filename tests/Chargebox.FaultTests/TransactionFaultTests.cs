using System.Diagnostics;
using System.Text.Json.Nodes;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;
using Xunit.Abstractions;

namespace Chargebox.FaultTests;

/// <summary>The fault test of docs/fault-test.md: 200 transactions on a station that loses its connection and
/// its process at random moments in between; afterwards the CSMS has every transaction complete (one Started,
/// one Ended), seqNo 0..n without gaps or conflicting duplicates, and the energy register never going down.
/// Runs on real time (a child process cannot use a fake clock), with the station's back-off set to 0 so a
/// reconnection takes milliseconds.</summary>
public sealed class TransactionFaultTests(ITestOutputHelper output) : IDisposable
{
    private const string Identity = "CB-FAULT-001";
    private const string Password = "fault-test-Passw0rd-16";
    private const string Card = "FAULTCARD01";
    private const int EvseId = 1;
    private const int Transactions = 200;
    // Fixed, so CI injects the same faults every run; CHARGEBOX_FAULT_SEED explores others (the timing of a
    // child process is never reproducible, so a seed replays the faults' places, not their exact moments).
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("CHARGEBOX_FAULT_SEED"), out var seed) ? seed : 20251126;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("chargebox-fault-").FullName;

    [Fact]
    public async Task Transactions_stay_complete_and_in_sequence_across_network_drops_and_process_kills()
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(Seed);
        var ledger = new TransactionLedger();
        await using var csms = await TestCsms.StartAsync(new TestCsmsOptions { BasicAuthPassword = Password, AutoReplies = Replies(ledger) });
        await using var connections = new ConnectionWatch(csms, Identity);
        var station = await StationProcess.StartAsync(csms.Url, Identity, Password, _dataDirectory, Timeout);
        var control = new ControlApiClient(station.ControlUrl);
        var started = new HashSet<string>();
        var killedAtStart = new HashSet<string>();
        var (drops, kills) = (0, 0);
        try
        {
            await ConfigureAsync(await connections.WaitBeyondAsync(0, Timeout));
            for (var i = 0; i < Transactions; i++)
            {
                await control.PlugAsync(EvseId);
                await control.PresentCardAsync(Card, EvseId);
                var transactionId = await WaitForTransactionAsync(control, running: true, i) ?? throw new InvalidOperationException("unreachable");
                started.Add(transactionId);

                // Faults while the Started event may be in flight.
                var fault = random.NextDouble();
                if (fault < 0.05)
                {
                    killedAtStart.Add(transactionId);
                    (station, control) = await KillAndRestartAsync(csms.Url, station, control, connections);
                    kills++;
                    continue;
                }

                if (fault < 0.15)
                {
                    await DropAsync(connections, control);
                    drops++;
                }

                // A few transactions run past TxUpdatedInterval, so Updated events with meter values occur too.
                if (i == Transactions / 2)
                {
                    await Task.Delay(TimeSpan.FromSeconds(11));
                }

                await control.UnplugAsync(EvseId);

                // Faults while the Ended event may be in flight.
                fault = random.NextDouble();
                if (fault < 0.05)
                {
                    (station, control) = await KillAndRestartAsync(csms.Url, station, control, connections);
                    kills++;
                    continue;
                }

                if (fault < 0.15)
                {
                    await DropAsync(connections, control);
                    drops++;
                }

                await WaitForTransactionAsync(control, running: false, i);
            }

            // A kill right after the station showed a transaction may fall before it stored the transaction and
            // queued its Started (a power cut in that moment): such a transaction is gone with the process, and
            // the CSMS never hears of it. Only those may be missing; any other missing one is a lost message.
            await WaitUntilAllEndedAsync(ledger, started, killedAtStart);
        }
        finally
        {
            control.Dispose();
            station.Dispose();
        }

        var findings = ledger.Check();
        var lostBeforeStored = started.Except(ledger.TransactionIds()).ToList();
        output.WriteLine($"seed {Seed}: {Transactions} transactions in {clock.Elapsed.TotalSeconds:0.0} s; {drops} drops, {kills} kills; " +
            $"CSMS saw {findings.Transactions} transactions, {ledger.Count} TransactionEvents, {findings.IdenticalResends} identical re-sends, " +
            $"{findings.EndedByPowerLoss} ended by PowerLoss, {findings.EnergyReadings} energy readings, " +
            $"{lostBeforeStored.Count} killed before stored ({string.Join(", ", lostBeforeStored)})");
        Assert.True(findings.Defects.Count == 0, string.Join(Environment.NewLine, findings.Defects));
        Assert.Equal(started.Except(lostBeforeStored).Order(), ledger.TransactionIds().Order());
        Assert.Subset(killedAtStart, lostBeforeStored.ToHashSet());
        Assert.True(kills > 0 && drops > 0, "the seed injected no faults of one kind");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static Dictionary<string, Func<OcppCall, TimeProvider, JsonNode>> Replies(TransactionLedger ledger)
    {
        var replies = AutoReplies.CreateDefaults();
        replies["Authorize"] = (_, _) => new JsonObject { ["idTokenInfo"] = new JsonObject { ["status"] = "Accepted" } };
        replies["TransactionEvent"] = ledger.Record;
        foreach (var action in new[] { "MeterValues", "NotifyEvent", "SecurityEventNotification", "FirmwareStatusNotification", "LogStatusNotification" })
        {
            replies[action] = (_, _) => new JsonObject();
        }

        return replies;
    }

    /// <summary>Reconnect at once after a drop (back-off 0), and TxUpdatedInterval at its minimum; both are
    /// kept in the station's SQLite store across the kills.</summary>
    private static async Task ConfigureAsync(TestStationConnection connection)
    {
        var response = await connection.CallAsync(
            new SetVariablesRequest
            {
                SetVariableData =
                [
                    Set("OCPPCommCtrlr", "RetryBackOffWaitMinimum", "0"),
                    Set("OCPPCommCtrlr", "RetryBackOffRandomRange", "0"),
                    Set("SampledDataCtrlr", "TxUpdatedInterval", "10"),
                ],
            },
            Timeout);
        Assert.All(response.SetVariableResult, r => Assert.Equal(SetVariableStatusEnumType.Accepted, r.AttributeStatus));
    }

    private static SetVariableDataType Set(string component, string variable, string value) =>
        new() { Component = new ComponentType { Name = component }, Variable = new VariableType { Name = variable }, AttributeValue = value };

    private async Task<(StationProcess, ControlApiClient)> KillAndRestartAsync(Uri csmsUrl, StationProcess station, ControlApiClient control, ConnectionWatch connections)
    {
        var seen = connections.Count;
        await station.KillAsync();
        station.Dispose();
        control.Dispose();
        var restarted = await StationProcess.StartAsync(csmsUrl, Identity, Password, _dataDirectory, Timeout);
        var client = new ControlApiClient(restarted.ControlUrl);
        await connections.WaitBeyondAsync(seen, Timeout);
        await WaitConnectedAsync(client);
        return (restarted, client);
    }

    private static async Task DropAsync(ConnectionWatch connections, ControlApiClient control)
    {
        var seen = connections.Count;
        await connections.Latest!.AbortAsync();
        await connections.WaitBeyondAsync(seen, Timeout);
        await WaitConnectedAsync(control);
    }

    private static async Task WaitConnectedAsync(ControlApiClient control)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!(await control.StatusAsync(EvseId)).Connected)
        {
            Assert.True(DateTime.UtcNow < deadline, "The station did not report itself connected.");
            await Task.Delay(20);
        }
    }

    private static async Task<string?> WaitForTransactionAsync(ControlApiClient control, bool running, int index)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var (_, transactionId) = await control.StatusAsync(EvseId);
            if ((transactionId is not null) == running)
            {
                return transactionId;
            }

            Assert.True(DateTime.UtcNow < deadline, $"transaction {index}: the station did not {(running ? "start" : "end")} it within {Timeout.TotalSeconds} s");
            await Task.Delay(10);
        }
    }

    private static async Task WaitUntilAllEndedAsync(TransactionLedger ledger, HashSet<string> started, HashSet<string> killedAtStart)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (ledger.Open().Count > 0 || !started.Except(killedAtStart).ToHashSet().IsSubsetOf(ledger.TransactionIds()))
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"The CSMS still misses the end of [{string.Join(", ", ledger.Open())}] and never heard of " +
                $"[{string.Join(", ", started.Except(ledger.TransactionIds()).Select(id => killedAtStart.Contains(id) ? id + " (killed at start)" : id))}]");
            await Task.Delay(50);
        }
    }
}
