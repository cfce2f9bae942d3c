using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;
using Chargebox.Station.MeterValues;

namespace Chargebox.Station.Tests.MeterValues;

public sealed class MeterValueSamplerTests
{
    private static readonly MeterReading ThreePhase = new(
        new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero),
        EnergyActiveImportWh: 12345.678m,
        PowerActiveImportW: 11040m,
        CurrentImportA: [16m, 16m, 0m],
        VoltageV: [230m, 231m, 229m],
        CurrentOfferedA: 16m);

    [Fact]
    public void J02_C40_EveryMeasurandWithUnitPhaseAndContext()
    {
        var value = MeterValueSampler.Sample(
            ThreePhase,
            ["Energy.Active.Import.Register", "Voltage", "Current.Import", "Power.Active.Import", "Current.Offered"],
            ReadingContextEnumType.SamplePeriodic)!;

        Assert.Equal(ThreePhase.Timestamp, value.Timestamp);
        Assert.All(value.SampledValue, s => Assert.Equal(ReadingContextEnumType.SamplePeriodic, s.Context));
        var energy = Assert.Single(value.SampledValue, s => s.Measurand == MeasurandEnumType.EnergyActiveImportRegister);
        Assert.Equal((12345.678m, "Wh", (PhaseEnumType?)null), (energy.Value, energy.UnitOfMeasure?.Unit, energy.Phase));
        Assert.Equal(
            [(PhaseEnumType.L1N, 230m), (PhaseEnumType.L2N, 231m), (PhaseEnumType.L3N, 229m)],
            value.SampledValue.Where(s => s.Measurand == MeasurandEnumType.Voltage).Select(s => (s.Phase!.Value, s.Value)));
        Assert.All(value.SampledValue.Where(s => s.Measurand == MeasurandEnumType.Voltage), s => Assert.Equal("V", s.UnitOfMeasure?.Unit));
        Assert.Equal(
            [(PhaseEnumType.L1, 16m), (PhaseEnumType.L2, 16m), (PhaseEnumType.L3, 0m)],
            value.SampledValue.Where(s => s.Measurand == MeasurandEnumType.CurrentImport).Select(s => (s.Phase!.Value, s.Value)));
        Assert.Equal("W", Assert.Single(value.SampledValue, s => s.Measurand == MeasurandEnumType.PowerActiveImport).UnitOfMeasure?.Unit);
        var offered = Assert.Single(value.SampledValue, s => s.Measurand == MeasurandEnumType.CurrentOffered);
        Assert.Equal((16m, "A"), (offered.Value, offered.UnitOfMeasure?.Unit));
        Assert.Equal(9, value.SampledValue.Count);
    }

    [Fact]
    public void MeasurandsTheMeterCannotGiveAreLeftOut()
    {
        Assert.Null(MeterValueSampler.Sample(ThreePhase, ["SoC", "Frequency"], ReadingContextEnumType.TransactionBegin));
        var only = MeterValueSampler.Sample(ThreePhase, ["SoC", "Energy.Active.Import.Register"], ReadingContextEnumType.TransactionEnd)!;
        Assert.Equal(MeasurandEnumType.EnergyActiveImportRegister, Assert.Single(only.SampledValue).Measurand);
    }
}
