using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.MeterValues;

/// <summary>J02: Sending transaction-related meter values (Part 6, TC_J_07 to TC_J_11).</summary>
public sealed class SampledMeterValuesTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TC_J_07_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: TxStartPoint contains EVConnected.
        await sut.ConfigureAsync("TxCtrlr", "TxStartPoint", "EVConnected");
        await sut.ConfigureAsync("SampledDataCtrlr", "TxStartedMeasurands", StationUnderTest.AllMeasurands);

        // 1. EVConnectedPreSession: the cable starts the transaction; the connector is Occupied.
        sut.Plug();
        var status = sut.ExpectStatusNotificationAsync();
        var started = sut.ExpectTransactionEventAsync();
        await Task.WhenAll(status, started);
        Assert.Equal(ConnectorStatusEnumType.Occupied, (await status).ConnectorStatus);

        // Post-scenario: Started carries the Transaction.Begin values of the SampledDataTxStartedMeasurands.
        var request = await started;
        Assert.Equal((TransactionEventEnumType.Started, TriggerReasonEnumType.CablePluggedIn), (request.EventType, request.TriggerReason));
        StationUnderTest.AssertSampled(Assert.Single(request.MeterValue!), StationUnderTest.AllMeasurands, ReadingContextEnumType.TransactionBegin);

        // 2. EnergyTransferStarted: authorized by card, charging.
        sut.PresentCard();
        var authorize = await sut.Connection.ExpectCallAsync<AuthorizeRequest>(StationUnderTest.Timeout);
        await sut.Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });
        var authorized = await sut.ExpectTransactionEventAsync();
        Assert.Equal((TriggerReasonEnumType.Authorized, ChargingStateEnumType.Charging), (authorized.TriggerReason, authorized.TransactionInfo.ChargingState));
    }

    [Fact]
    public async Task TC_J_08_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: TxStartPoint contains Authorized.
        await sut.ConfigureAsync("TxCtrlr", "TxStartPoint", "Authorized");
        await sut.ConfigureAsync("SampledDataCtrlr", "TxStartedMeasurands", StationUnderTest.AllMeasurands);

        // 1. EnergyTransferStarted, card first and without choosing an EVSE: the station picks its only one.
        sut.Charger.PresentToken(StationUnderTest.ValidIdToken);
        var authorize = await sut.Connection.ExpectCallAsync<AuthorizeRequest>(StationUnderTest.Timeout);
        await sut.Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });
        var started = await sut.ExpectTransactionEventAsync();

        // Post-scenario: the first event with an evse carries the Transaction.Begin values.
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(StationUnderTest.EvseId, started.Evse?.Id);
        StationUnderTest.AssertSampled(Assert.Single(started.MeterValue!), StationUnderTest.AllMeasurands, ReadingContextEnumType.TransactionBegin);

        // The EV plugs in (CablePluggedIn) and draws (ChargingStateChanged): no Transaction.Begin values again.
        sut.Plug();
        var status = sut.ExpectStatusNotificationAsync();
        var plugged = sut.ExpectTransactionEventAsync();
        await Task.WhenAll(status, plugged);
        var charging = await sut.ExpectTransactionEventAsync();
        Assert.Equal((TriggerReasonEnumType.CablePluggedIn, TriggerReasonEnumType.ChargingStateChanged), ((await plugged).TriggerReason, charging.TriggerReason));
        Assert.Equal(ChargingStateEnumType.Charging, charging.TransactionInfo.ChargingState);
        Assert.All([await plugged, charging], e => Assert.DoesNotContain(e.MeterValue ?? [], v => v.SampledValue.Any(s => s.Context == ReadingContextEnumType.TransactionBegin)));
    }

    [Fact]
    public async Task TC_J_09_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: SampledDataTxUpdatedInterval is <Configured sampled Meter Values Updated interval>.
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", "60");
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedMeasurands", StationUnderTest.AllMeasurands);
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. Every interval a TransactionEventRequest, MeterValuePeriodic, Sample.Periodic.
        var received = new List<TransactionEventRequest>();
        for (var i = 0; i < 3; i++)
        {
            await sut.AdvanceAsync(Interval);
            received.Add(await sut.ExpectTransactionEventAsync());
        }

        Assert.All(received, e =>
        {
            Assert.Equal((TransactionEventEnumType.Updated, transactionId), (e.EventType, e.TransactionInfo.TransactionId));
            Assert.Equal(TriggerReasonEnumType.MeterValuePeriodic, e.TriggerReason);
            StationUnderTest.AssertSampled(Assert.Single(e.MeterValue!), StationUnderTest.AllMeasurands, ReadingContextEnumType.SamplePeriodic);
        });

        // Post-scenario: the timestamps are SampledDataTxUpdatedInterval apart.
        StationUnderTest.AssertIntervals(received.Select(e => e.Timestamp), Interval);
        StationUnderTest.AssertIntervals(received.Select(e => e.MeterValue![0].Timestamp), Interval);
    }

    [Fact]
    public async Task TC_J_10_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: SampledDataTxEndedInterval configured, AlignedDataTxEndedMeasurands empty. Periodic Updated
        // values far apart: the test looks at the Ended event only.
        await sut.ConfigureAsync("AlignedDataCtrlr", "TxEndedMeasurands", "");
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", "3600");
        await sut.ConfigureAsync("SampledDataCtrlr", "TxEndedInterval", "60");
        var transactionId = await sut.EnergyTransferStartedAsync();
        for (var i = 0; i < 3; i++)
        {
            await sut.AdvanceAsync(Interval);
        }

        // 1. ParkingBayUnoccupied after the configured transaction duration.
        var ended = await sut.ParkingBayUnoccupiedAsync(transactionId);

        // Post-scenario: one Sample.Periodic MeterValue per SampledDataTxEndedInterval, then Transaction.End.
        var values = Assert.IsAssignableFrom<IReadOnlyList<MeterValueType>>(ended.MeterValue);
        Assert.Equal(ReadingContextEnumType.SamplePeriodic, values[0].SampledValue[0].Context);
        var periodic = values.Where(v => v.SampledValue[0].Context == ReadingContextEnumType.SamplePeriodic).ToList();
        Assert.Equal(3, periodic.Count);
        Assert.All(periodic, v => StationUnderTest.AssertSampled(v, "Energy.Active.Import.Register", ReadingContextEnumType.SamplePeriodic));
        StationUnderTest.AssertIntervals(periodic.Select(v => v.Timestamp), Interval);
        Assert.Contains(values, v => v.SampledValue.Any(s => s.Context == ReadingContextEnumType.TransactionEnd));
    }

    [Fact]
    public async Task TC_J_11_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: SampledDataTxEndedInterval configured, SampledDataSignReadings true. The key goes once per
        // transaction, so the signatures in Ended are checked with the key of the Started event.
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", "3600");
        await sut.ConfigureAsync("SampledDataCtrlr", "TxEndedInterval", "60");
        await sut.ConfigureAsync("SampledDataCtrlr", "SignReadings", "true");
        await sut.ConfigureAsync("OCPPCommCtrlr", "PublicKeyWithSignedMeterValue", "OncePerTransaction");
        var transactionId = await sut.EnergyTransferStartedAsync();
        for (var i = 0; i < 3; i++)
        {
            await sut.AdvanceAsync(Interval);
        }

        // 1. ParkingBayUnoccupied after the configured transaction duration.
        var ended = await sut.ParkingBayUnoccupiedAsync(transactionId);

        // Post-scenario: Sample.Periodic values per interval and Transaction.End, all signed; publicKey present.
        var values = Assert.IsAssignableFrom<IReadOnlyList<MeterValueType>>(ended.MeterValue);
        var periodic = values.Where(v => v.SampledValue[0].Context == ReadingContextEnumType.SamplePeriodic).ToList();
        Assert.Equal(3, periodic.Count);
        StationUnderTest.AssertIntervals(periodic.Select(v => v.Timestamp), Interval);
        Assert.Contains(values, v => v.SampledValue.Any(s => s.Context == ReadingContextEnumType.TransactionEnd));
        var sampled = values.SelectMany(v => v.SampledValue).ToList();
        Assert.All(sampled, s => Assert.NotNull(s.SignedMeterValue?.PublicKey));

        // The Started event carried the key (once per transaction); every signature in Ended verifies with it.
        var key = sut.SignedMeterKeyOfStarted(transactionId);
        Assert.All(sampled, s => StationUnderTest.AssertSignedEnergy(s, key));
    }
}
