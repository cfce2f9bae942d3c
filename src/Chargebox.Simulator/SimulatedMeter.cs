using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>The energy meter of one EVSE. Nothing ticks: a reading integrates the draw since the last
/// change up to now on the TimeProvider, so an idle simulated charger costs no CPU. It signs its readings in
/// OCMF with its own key (C-42), as a meter approved for billing does.</summary>
internal sealed class SimulatedMeter : IEnergyMeter, IDisposable
{
    private readonly SimulatedEvse _evse;
    private readonly SimulatedMeterKey _key;

    public SimulatedMeter(SimulatedEvse evse)
    {
        _evse = evse;
        _key = new SimulatedMeterKey(evse.Context.MeterKeyDirectory, evse.EvseId);
        Serial = $"CBSIM-{evse.EvseId}";
    }

    /// <summary>The meter's serial number (OCMF MS).</summary>
    public string Serial { get; }

    public bool CanSign => true;

    public ValueTask<MeterReading> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_evse.Context.Gate)
        {
            return ValueTask.FromResult(ReadUnderGate());
        }
    }

    public ValueTask<SignedMeterReading> ReadSignedAsync(MeterSigningContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_evse.Context.Gate)
        {
            var reading = ReadUnderGate();

            // OCMF pagination: one counter per context, incremented for every signed record and kept through a
            // restart with the register, so no page number is used twice.
            var fiscal = context.Reason == MeterReadingReason.Fiscal;
            var pagination = $"{(fiscal ? 'F' : 'T')}{_evse.MeterMemory.NextPage(fiscal)}";
            var key = _key.Key;
            var document = OcmfDocument.Create(key, Serial, pagination, reading, context);
            return ValueTask.FromResult(new SignedMeterReading(
                reading,
                document,
                OcmfDocument.SignatureAlgorithm,
                OcmfDocument.Encoding,
                key.ExportSubjectPublicKeyInfo()));
        }
    }

    public void Dispose()
    {
        lock (_evse.Context.Gate)
        {
            _key.Dispose();
        }
    }

    private MeterReading ReadUnderGate()
    {
        _evse.IntegrateToNow();
        _evse.ScheduleBatteryFull();
        return _evse.ReadUnderGate();
    }
}
