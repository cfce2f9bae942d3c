using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>Meter values (block J): moving the clock to clock-aligned boundaries, the ParkingBayUnoccupied end of
/// a transaction, the tool validations shared by the J test cases, and an OCMF check written from the OCMF
/// specification alone (BCL ECDSA only), independent of the meter's signing code.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>The measurands of C-40 that the reference station measures for every context.</summary>
    public const string AllMeasurands = "Energy.Active.Import.Register,Voltage,Current.Import,Power.Active.Import";

    /// <summary>Sets a clock-aligned interval (AlignedDataCtrlr Interval or TxEndedInterval) and waits until the
    /// station armed its timer for the next boundary (the clock stands on one: 08:00:00). Heartbeats are moved
    /// out of the way first: their currentTime sets the station's clock, and one answered while the test jumps
    /// the fake clock would move the station's clock back by part of the jump.</summary>
    public async Task ConfigureAlignedIntervalAsync(string variable, TimeSpan interval)
    {
        await ConfigureAsync("OCPPCommCtrlr", "HeartbeatInterval", "86400");
        var armed = Time.NextTimer(interval);
        await ConfigureAsync("AlignedDataCtrlr", variable, ((int)interval.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await armed.WaitAsync(Timeout);
    }

    /// <summary>Moves the clock to the next clock-aligned boundary and returns once the station handled it (it
    /// armed the timer for the boundary after). The station has taken every answer first, so the jump times out
    /// no CALL of its own.</summary>
    public async Task AdvanceToNextBoundaryAsync(TimeSpan interval)
    {
        await SettleAsync();
        var now = Time.GetUtcNow();
        var sinceMidnight = now - now.Date;
        var armed = Time.NextTimer(interval);
        Time.Advance(interval - TimeSpan.FromTicks(sinceMidnight.Ticks % interval.Ticks));
        await armed.WaitAsync(Timeout);
    }

    /// <summary>Moves the clock by <paramref name="by"/> after the station took every answer, and lets it handle
    /// the timers that fired.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await SettleAsync();
        Time.Advance(by);
        await SettleAsync();
    }

    /// <summary>Two CSMS round trips through the station's loop: what was posted before them is done.</summary>
    public async Task SettleAsync()
    {
        for (var i = 0; i < 2; i++)
        {
            await GetVariableAsync("SampledDataCtrlr", "Enabled");
        }
    }

    /// <summary>Takes the next MeterValuesRequest and acknowledges it (empty response).</summary>
    public async Task<MeterValuesRequest> ExpectMeterValuesAsync()
    {
        var call = await Connection.ExpectCallAsync<MeterValuesRequest>(Timeout);
        await Connection.ReplyAsync(call, new MeterValuesResponse());
        return call.Request;
    }

    /// <summary>Reusable state ParkingBayUnoccupied on the reference station: the EV leaves (the cable is
    /// unplugged), the connector is reported Available and the transaction Ended. Returns the Ended event.</summary>
    public async Task<TransactionEventRequest> ParkingBayUnoccupiedAsync(string transactionId)
    {
        Unplug();
        var status = ExpectStatusNotificationAsync();
        var ended = ExpectTransactionEventAsync();
        await Task.WhenAll(status, ended);
        Assert.Equal(ConnectorStatusEnumType.Available, (await status).ConnectorStatus);
        var request = await ended;
        Assert.Equal((TransactionEventEnumType.Ended, transactionId), (request.EventType, request.TransactionInfo.TransactionId));
        return request;
    }

    /// <summary>"sampledValue must contain an element per configured measurand" (the measurand may be omitted for
    /// Energy.Active.Import.Register), and every sampled value has <paramref name="context"/>.</summary>
    public static void AssertSampled(MeterValueType meterValue, string configuredMeasurands, ReadingContextEnumType context)
    {
        Assert.All(meterValue.SampledValue, v => Assert.Equal(context, v.Context));
        foreach (var name in configuredMeasurands.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(meterValue.SampledValue, v => Name(v) == name);
        }

        // Errata 2024-09: no sampledValue may have location EV unless the measurand is SoC.
        Assert.DoesNotContain(meterValue.SampledValue, v => v.Location == LocationEnumType.EV && v.Measurand != MeasurandEnumType.SoC);
    }

    /// <summary>"The intervals between the timestamps must equal the configured value."</summary>
    public static void AssertIntervals(IEnumerable<DateTimeOffset> timestamps, TimeSpan interval)
    {
        var list = timestamps.ToList();
        Assert.True(list.Count >= 2, $"{list.Count} timestamps");
        for (var i = 1; i < list.Count; i++)
        {
            Assert.Equal(interval, list[i] - list[i - 1]);
        }
    }

    /// <summary>Checks a signedMeterValue as a CSMS would: OCMF, its ECDSA P-256 signature verified with
    /// <paramref name="publicKey"/> (base64 DER SubjectPublicKeyInfo), and the signed register equal to the
    /// sampled energy. Written from the OCMF specification, sharing no code with the meter.</summary>
    public static void AssertSignedEnergy(SampledValueType energy, string publicKey)
    {
        var signed = Assert.IsType<SignedMeterValueType>(energy.SignedMeterValue);
        Assert.Equal("OCMF", signed.EncodingMethod);
        Assert.Equal("ECDSA-secp256r1-SHA256", signed.SigningMethod);
        var document = Encoding.UTF8.GetString(Convert.FromBase64String(signed.SignedMeterData));
        var sections = document.Split('|');
        Assert.Equal(3, sections.Length);
        Assert.Equal("OCMF", sections[0]);
        using var signature = JsonDocument.Parse(sections[2]);
        Assert.Equal("ECDSA-secp256r1-SHA256", signature.RootElement.GetProperty("SA").GetString());
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(publicKey), out _);
        Assert.True(
            key.VerifyData(Encoding.UTF8.GetBytes(sections[1]), Convert.FromHexString(signature.RootElement.GetProperty("SD").GetString()!), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
            "the OCMF signature does not verify with the meter's public key");
        using var payload = JsonDocument.Parse(sections[1]);
        var reading = payload.RootElement.GetProperty("RD")[0];
        Assert.Equal("Wh", reading.GetProperty("RU").GetString());
        Assert.Equal(energy.Value, reading.GetProperty("RV").GetDecimal());
    }

    private static string Name(SampledValueType value) => value.Measurand switch
    {
        null or MeasurandEnumType.EnergyActiveImportRegister => "Energy.Active.Import.Register",
        MeasurandEnumType.Voltage => "Voltage",
        MeasurandEnumType.CurrentImport => "Current.Import",
        MeasurandEnumType.PowerActiveImport => "Power.Active.Import",
        MeasurandEnumType.CurrentOffered => "Current.Offered",
        { } other => other.ToString(),
    };

    /// <summary>The publicKey of the first signed sampled value in the transaction's Started event, as sent.</summary>
    public string SignedMeterKeyOfStarted(string transactionId)
    {
        foreach (var frame in Connection.Frames.Where(f => f.Direction == FrameDirection.FromStation && f.Text.Contains("\"TransactionEvent\"", StringComparison.Ordinal)))
        {
            using var json = JsonDocument.Parse(frame.Text);
            var payload = json.RootElement[3];
            if (payload.GetProperty("eventType").GetString() == "Started"
                && payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString() == transactionId)
            {
                return payload.GetProperty("meterValue")[0].GetProperty("sampledValue")[0].GetProperty("signedMeterValue").GetProperty("publicKey").GetString()!;
            }
        }

        throw new InvalidOperationException($"No Started event of {transactionId} was sent.");
    }

    /// <summary>Calls the station sent on the current connection so far, by action.</summary>
    public int CallsSent(string action) =>
        Connection.Frames.Count(f => f.Direction == FrameDirection.FromStation && f.Text.StartsWith("[2,", StringComparison.Ordinal) && f.Text.Contains($"\"{action}\"", StringComparison.Ordinal));
}
