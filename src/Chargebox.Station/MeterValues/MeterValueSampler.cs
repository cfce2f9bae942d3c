using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;

namespace Chargebox.Station.MeterValues;

/// <summary>Turns one meter reading into the sampled values of a MeterValue (J02, C-40): for each configured
/// measurand the station can measure, its value with unit, phase and the reading context. Measurands the
/// meter cannot give are left out rather than reported as zero.</summary>
internal static class MeterValueSampler
{
    private static readonly PhaseEnumType[] CurrentPhases = [PhaseEnumType.L1, PhaseEnumType.L2, PhaseEnumType.L3];
    private static readonly PhaseEnumType[] VoltagePhases = [PhaseEnumType.L1N, PhaseEnumType.L2N, PhaseEnumType.L3N];

    /// <summary>One MeterValue; null when none of <paramref name="measurands"/> is measured here.</summary>
    public static MeterValueType? Sample(MeterReading reading, IReadOnlyList<string> measurands, ReadingContextEnumType context)
    {
        var values = new List<SampledValueType>();
        foreach (var name in measurands)
        {
            switch (name)
            {
                case "Energy.Active.Import.Register":
                    values.Add(Value(reading.EnergyActiveImportWh, MeasurandEnumType.EnergyActiveImportRegister, "Wh", context));
                    break;
                case "Power.Active.Import":
                    values.Add(Value(reading.PowerActiveImportW, MeasurandEnumType.PowerActiveImport, "W", context));
                    break;
                case "Current.Offered":
                    values.Add(Value(reading.CurrentOfferedA, MeasurandEnumType.CurrentOffered, "A", context));
                    break;
                case "Current.Import":
                    AddPerPhase(values, reading.CurrentImportA, CurrentPhases, MeasurandEnumType.CurrentImport, "A", context);
                    break;
                case "Voltage":
                    AddPerPhase(values, reading.VoltageV, VoltagePhases, MeasurandEnumType.Voltage, "V", context);
                    break;
                default:
                    break;
            }
        }

        return values.Count == 0 ? null : new MeterValueType { Timestamp = reading.Timestamp, SampledValue = values };
    }

    private static void AddPerPhase(List<SampledValueType> values, IReadOnlyList<decimal> perPhase, PhaseEnumType[] phases, MeasurandEnumType measurand, string unit, ReadingContextEnumType context)
    {
        for (var i = 0; i < perPhase.Count && i < phases.Length; i++)
        {
            values.Add(Value(perPhase[i], measurand, unit, context, phases[i]));
        }
    }

    private static SampledValueType Value(decimal value, MeasurandEnumType measurand, string unit, ReadingContextEnumType context, PhaseEnumType? phase = null) => new()
    {
        Value = value,
        Measurand = measurand,
        Phase = phase,
        Context = context,
        UnitOfMeasure = new UnitOfMeasureType { Unit = unit },
    };
}
