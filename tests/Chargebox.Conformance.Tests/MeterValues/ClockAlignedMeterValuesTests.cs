using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.MeterValues;

/// <summary>J01: Sending clock-aligned meter values (Part 6, TC_J_01 to TC_J_04, TC_J_06).</summary>
public sealed class ClockAlignedMeterValuesTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task TC_J_01_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: AlignedDataInterval is <Configured clock-aligned Meter Values interval>.
        await sut.ConfigureAsync("AlignedDataCtrlr", "Measurands", StationUnderTest.AllMeasurands);
        await sut.ConfigureAlignedIntervalAsync("Interval", Interval);

        // 1-2. Three MeterValuesRequests, one per interval for the one EVSE, acknowledged.
        var received = new List<MeterValuesRequest>();
        for (var i = 0; i < 3; i++)
        {
            await sut.AdvanceToNextBoundaryAsync(Interval);
            received.Add(await sut.ExpectMeterValuesAsync());
        }

        Assert.All(received, r =>
        {
            Assert.Equal(StationUnderTest.EvseId, r.EvseId);
            StationUnderTest.AssertSampled(Assert.Single(r.MeterValue), StationUnderTest.AllMeasurands, ReadingContextEnumType.SampleClock);
        });

        // Post-scenario: the timestamps are AlignedDataInterval apart, on the clock's boundaries.
        StationUnderTest.AssertIntervals(received.Select(r => r.MeterValue[0].Timestamp), Interval);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 8, 10, 0, TimeSpan.Zero), received[0].MeterValue[0].Timestamp);
    }

    [Fact]
    public async Task TC_J_02_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: AlignedDataInterval configured, AlignedDataSendDuringIdle false; the periodic sampled values
        // are set far apart so that only the clock-aligned ones fall into the configured transaction duration.
        await sut.ConfigureAsync("AlignedDataCtrlr", "Measurands", StationUnderTest.AllMeasurands);
        await sut.ConfigureAsync("AlignedDataCtrlr", "SendDuringIdle", "false");
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", "3600");
        await sut.ConfigureAlignedIntervalAsync("Interval", Interval);
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 3-4. During the transaction the EVSE's clock-aligned values come in TransactionEventRequests.
        var received = new List<TransactionEventRequest>();
        for (var i = 0; i < 3; i++)
        {
            await sut.AdvanceToNextBoundaryAsync(Interval);
            received.Add(await sut.ExpectTransactionEventAsync());
        }

        Assert.All(received, e =>
        {
            Assert.Equal((TransactionEventEnumType.Updated, transactionId), (e.EventType, e.TransactionInfo.TransactionId));
            Assert.Equal(TriggerReasonEnumType.MeterValueClock, e.TriggerReason);
            StationUnderTest.AssertSampled(Assert.Single(e.MeterValue!), StationUnderTest.AllMeasurands, ReadingContextEnumType.SampleClock);
        });
        StationUnderTest.AssertIntervals(received.Select(e => e.MeterValue![0].Timestamp), Interval);

        // The reference station has no idle EVSE and no main meter: no MeterValuesRequest.
        Assert.Equal(0, sut.CallsSent("MeterValues"));
    }

    [Fact]
    public async Task TC_J_03_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: AlignedDataTxEndedInterval configured, SampledDataTxEndedMeasurands empty, SendDuringIdle false.
        // AlignedDataInterval off and periodic values far apart: the test looks at the Ended event only.
        await sut.ConfigureAsync("SampledDataCtrlr", "TxEndedMeasurands", "");
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", "3600");
        await sut.ConfigureAsync("AlignedDataCtrlr", "SendDuringIdle", "false");
        await sut.ConfigureAsync("AlignedDataCtrlr", "Interval", "0");
        await sut.ConfigureAlignedIntervalAsync("TxEndedInterval", Interval);
        var transactionId = await sut.EnergyTransferStartedAsync();
        for (var i = 0; i < 3; i++)
        {
            await sut.AdvanceToNextBoundaryAsync(Interval);
        }

        // 1. ParkingBayUnoccupied after the configured transaction duration.
        var ended = await sut.ParkingBayUnoccupiedAsync(transactionId);

        // Post-scenario: Ended carries one MeterValue per AlignedDataTxEndedInterval, Sample.Clock, with the
        // AlignedDataTxEndedMeasurands, AlignedDataTxEndedInterval apart.
        var values = Assert.IsAssignableFrom<IReadOnlyList<MeterValueType>>(ended.MeterValue);
        Assert.Equal(3, values.Count);
        Assert.All(values, v => StationUnderTest.AssertSampled(v, "Energy.Active.Import.Register", ReadingContextEnumType.SampleClock));
        StationUnderTest.AssertIntervals(values.Select(v => v.Timestamp), Interval);
    }

    [Fact]
    public async Task TC_J_04_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: AlignedDataTxEndedInterval configured, SendDuringIdle false, AlignedDataSignReadings true.
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", "3600");
        await sut.ConfigureAsync("AlignedDataCtrlr", "SendDuringIdle", "false");
        await sut.ConfigureAsync("AlignedDataCtrlr", "SignReadings", "true");
        await sut.ConfigureAsync("AlignedDataCtrlr", "Interval", "0");
        await sut.ConfigureAlignedIntervalAsync("TxEndedInterval", Interval);
        var transactionId = await sut.EnergyTransferStartedAsync();
        for (var i = 0; i < 3; i++)
        {
            await sut.AdvanceToNextBoundaryAsync(Interval);
        }

        // 1. ParkingBayUnoccupied after the configured transaction duration.
        var ended = await sut.ParkingBayUnoccupiedAsync(transactionId);

        // Post-scenario: the clock-aligned values in Ended are signed; publicKey is present and, with
        // PublicKeyWithSignedMeterValue Never (the default), empty.
        var clock = ended.MeterValue!.Where(v => v.SampledValue[0].Context == ReadingContextEnumType.SampleClock).ToList();
        Assert.Equal(3, clock.Count);
        StationUnderTest.AssertIntervals(clock.Select(v => v.Timestamp), Interval);
        Assert.All(clock, v =>
        {
            StationUnderTest.AssertSampled(v, "Energy.Active.Import.Register", ReadingContextEnumType.SampleClock);
            Assert.All(v.SampledValue, s => Assert.Equal(string.Empty, Assert.IsType<SignedMeterValueType>(s.SignedMeterValue).PublicKey));
        });
    }

    [Fact]
    public async Task TC_J_06_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Before: AlignedDataInterval configured, AlignedDataSendDuringIdle true.
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", "3600");
        await sut.ConfigureAsync("AlignedDataCtrlr", "SendDuringIdle", "true");
        await sut.ConfigureAlignedIntervalAsync("Interval", Interval);

        // 1-2. Idle: clock-aligned MeterValues.
        await sut.AdvanceToNextBoundaryAsync(Interval);
        var before = await sut.ExpectMeterValuesAsync();
        StationUnderTest.AssertSampled(Assert.Single(before.MeterValue), "Energy.Active.Import.Register", ReadingContextEnumType.SampleClock);

        // 3-5. A transaction runs over a boundary: no MeterValuesRequest, no clock-aligned TransactionEvent.
        var transactionId = await sut.EnergyTransferStartedAsync();
        var meterValuesBefore = sut.CallsSent("MeterValues");
        var eventsBefore = sut.CallsSent("TransactionEvent");
        await sut.AdvanceToNextBoundaryAsync(Interval);
        await sut.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((meterValuesBefore, eventsBefore), (sut.CallsSent("MeterValues"), sut.CallsSent("TransactionEvent")));

        // 6. ParkingBayUnoccupied after the interval + 5 s.
        await sut.ParkingBayUnoccupiedAsync(transactionId);

        // 7-8. Idle again: clock-aligned MeterValues at the next boundary.
        await sut.AdvanceToNextBoundaryAsync(Interval);
        var after = await sut.ExpectMeterValuesAsync();
        StationUnderTest.AssertSampled(Assert.Single(after.MeterValue), "Energy.Active.Import.Register", ReadingContextEnumType.SampleClock);

        // Post-scenario: the idle values are whole intervals apart (two, with the transaction's boundary skipped).
        Assert.Equal(2 * Interval, after.MeterValue[0].Timestamp - before.MeterValue[0].Timestamp);
    }
}
