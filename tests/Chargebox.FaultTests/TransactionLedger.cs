using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Chargebox.Testing.Csms;

namespace Chargebox.FaultTests;

/// <summary>The CSMS's record of every TransactionEventRequest it received, in arrival order, and the checks a
/// CSMS makes on them once the station is done: per transactionId one Started and one Ended, seqNo 0..n without
/// gaps, Energy.Active.Import.Register never going down, within a transaction or from one to the next. A message received twice with the same transactionId
/// and seqNo and the same content (apart from the offline flag) is an at-least-once re-send, which a CSMS
/// deduplicates: it is counted, not a defect. Thread-safe: the CSMS answers on its connection threads.</summary>
internal sealed class TransactionLedger
{
    private readonly List<JsonObject> _received = [];
    private readonly Lock _gate = new();

    /// <summary>The auto-reply of the CSMS for TransactionEvent: records the event and accepts its idToken.</summary>
    public JsonNode Record(OcppCall call, TimeProvider time)
    {
        var payload = JsonNode.Parse(call.Payload.GetRawText())!.AsObject();
        lock (_gate)
        {
            _received.Add(payload);
        }

        return payload["idToken"] is null
            ? new JsonObject()
            : new JsonObject { ["idTokenInfo"] = new JsonObject { ["status"] = "Accepted" } };
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _received.Count;
            }
        }
    }

    /// <summary>Every transactionId the CSMS heard of.</summary>
    public IReadOnlySet<string> TransactionIds() => Snapshot().Select(TransactionId).ToHashSet();

    /// <summary>Transactions the CSMS saw start and not (yet) end.</summary>
    public IReadOnlyList<string> Open()
    {
        var events = Snapshot();
        var ended = events.Where(e => (string?)e["eventType"] == "Ended").Select(TransactionId).ToHashSet();
        return events.Select(TransactionId).Distinct().Where(id => !ended.Contains(id)).ToList();
    }

    public LedgerFindings Check()
    {
        var findings = new LedgerFindings();

        // Transactions in the order the CSMS first heard of them, which is the order they ran on the one EVSE.
        (string Id, decimal Wh)? previousEnd = null;
        foreach (var transaction in Snapshot().GroupBy(TransactionId))
        {
            findings.Transactions++;
            var bySeqNo = new SortedDictionary<int, JsonObject>();
            foreach (var message in transaction)
            {
                var seqNo = (int)message["seqNo"]!;
                if (!bySeqNo.TryGetValue(seqNo, out var first))
                {
                    bySeqNo.Add(seqNo, message);
                }
                else if (JsonNode.DeepEquals(WithoutOffline(first), WithoutOffline(message)))
                {
                    findings.IdenticalResends++;
                }
                else
                {
                    findings.Defects.Add($"{transaction.Key}: seqNo {seqNo} received twice with different content: {first.ToJsonString()} / {message.ToJsonString()}");
                }
            }

            var seqNos = bySeqNo.Keys.ToList();
            if (!seqNos.SequenceEqual(Enumerable.Range(0, seqNos.Count)))
            {
                findings.Defects.Add($"{transaction.Key}: seqNo not 0..n without gaps: {string.Join(",", seqNos)}");
            }

            var events = bySeqNo.Values.ToList();
            var started = events.Count(e => (string?)e["eventType"] == "Started");
            var ended = events.Count(e => (string?)e["eventType"] == "Ended");
            if (started != 1 || ended != 1)
            {
                findings.Defects.Add($"{transaction.Key}: {started} Started and {ended} Ended events (one each expected)");
            }
            else if ((string?)events[0]["eventType"] != "Started" || (string?)events[^1]["eventType"] != "Ended")
            {
                findings.Defects.Add($"{transaction.Key}: Started is not the first event or Ended not the last");
            }

            var energy = events.SelectMany(e => EnergyReadings(e).Select(wh => (SeqNo: (int)e["seqNo"]!, Wh: wh))).ToList();
            findings.EnergyReadings += energy.Count;
            for (var i = 1; i < energy.Count; i++)
            {
                if (energy[i].Wh < energy[i - 1].Wh)
                {
                    findings.Defects.Add($"{transaction.Key}: Energy.Active.Import.Register went down from {energy[i - 1].Wh} (seqNo {energy[i - 1].SeqNo}) to {energy[i].Wh} (seqNo {energy[i].SeqNo})");
                }
            }

            // The meter's register survives a restart, so a transaction never starts below where the one
            // before it ended, kill or not.
            if (energy.Count > 0)
            {
                if (previousEnd is { } before && energy[0].Wh < before.Wh)
                {
                    findings.Defects.Add($"{transaction.Key}: Energy.Active.Import.Register starts at {energy[0].Wh}, below the {before.Wh} that {before.Id} ended with");
                }

                previousEnd = (transaction.Key, energy.Max(e => e.Wh));
            }

            if ((string?)events[^1]["transactionInfo"]?["stoppedReason"] == "PowerLoss")
            {
                findings.EndedByPowerLoss++;
            }
        }

        return findings;
    }

    private List<JsonObject> Snapshot()
    {
        lock (_gate)
        {
            return [.. _received];
        }
    }

    private static string TransactionId(JsonObject message) => (string)message["transactionInfo"]!["transactionId"]!;

    private static JsonObject WithoutOffline(JsonObject message)
    {
        var copy = message.DeepClone().AsObject();
        copy.Remove("offline");
        return copy;
    }

    /// <summary>The register readings of one event in the order of their sampledValue (a meterValue's timestamp
    /// order is the order the station listed them).</summary>
    private static IEnumerable<decimal> EnergyReadings(JsonObject message) =>
        (message["meterValue"]?.AsArray() ?? [])
            .SelectMany(meterValue => meterValue!["sampledValue"]!.AsArray())
            .Where(sample => ((string?)sample!["measurand"] ?? "Energy.Active.Import.Register") == "Energy.Active.Import.Register"
                && (string?)sample["phase"] is null)
            .Select(sample => decimal.Parse(sample!["value"]!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture));
}

/// <summary>What <see cref="TransactionLedger.Check"/> found.</summary>
internal sealed class LedgerFindings
{
    public int Transactions { get; set; }

    public int IdenticalResends { get; set; }

    public int EndedByPowerLoss { get; set; }

    public int EnergyReadings { get; set; }

    public List<string> Defects { get; } = [];
}
