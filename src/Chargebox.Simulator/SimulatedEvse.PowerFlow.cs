using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>The power path of one EVSE: what the EV draws, and the meter register that integrates it.</summary>
internal sealed partial class SimulatedEvse
{
    // Energy is kept as W × timestamp ticks: every step adds power × elapsed ticks, which is exact in
    // decimal, so an hour at 7360 W adds exactly 7360 Wh and no rounding ever accumulates.
    private readonly decimal _wattTicksPerWh;

    // Where the register started: the value kept by the last charger over the same directory, else the
    // options' InitialEnergyWh.
    private readonly decimal _registerBaseWh;
    private decimal _registerWattTicks;
    private long _settledAt;
    private ITimer? _batteryFullTimer;

    /// <summary>The current per phase the EV draws now: min(EV max, offered), and only while the relay is
    /// closed and the EV asks for power.</summary>
    private decimal DrawPerPhaseA =>
        _ev is { Demanding: true } ev && _relay.IsClosedUnderGate
            ? Math.Min(ev.Options.MaxCurrentA, _relay.OfferedUnderGate)
            : 0m;

    private int PhasesInUse => _options.SupplyType == SimulatedSupplyType.DC
        ? 1
        : Math.Min(_options.Phases, _ev?.Options.Phases ?? _options.Phases);

    /// <summary>On AC the grid sets the voltage; on DC the EV's battery does, once the relay connects it.</summary>
    private decimal VoltageV => _options.SupplyType == SimulatedSupplyType.AC
        ? _options.NominalVoltageV
        : _ev is not null && _relay.IsClosedUnderGate ? _ev.Options.VoltageV : 0m;

    private decimal PowerW => DrawPerPhaseA * VoltageV * PhasesInUse;

    internal decimal ClampToRating(decimal currentA) => Math.Min(currentA, _options.MaxCurrentA);

    /// <summary>Under the gate: adds the energy delivered since the last call at the draw that held since
    /// then (every change of the draw calls this first). A battery that fills on the way takes only what
    /// it has room for, and the EV then suspends.</summary>
    internal void IntegrateToNow()
    {
        var now = Context.Time.GetTimestamp();
        var elapsed = now - _settledAt;
        if (elapsed <= 0)
        {
            // The register never runs backwards, whatever the clock does.
            return;
        }

        _settledAt = now;
        var power = PowerW;
        if (power <= 0 || _ev is null)
        {
            return;
        }

        var delivered = power * elapsed;
        if (_ev.RemainingWattTicks is { } room && delivered >= room)
        {
            delivered = room;
            _ev.Store(delivered);
            _registerWattTicks += delivered;
            _ev.Demanding = false;
            Context.Post(new EvPowerDemandChanged(EvseId, false));
            return;
        }

        _ev.Store(delivered);
        _registerWattTicks += delivered;
    }

    /// <summary>Under the gate, after any change of the draw: arms a one-shot timer for the moment the
    /// battery fills, so the EV suspends on time even if nobody reads the meter. Only a charging EV with a
    /// modelled battery holds a timer; idle chargers hold none.</summary>
    internal void ScheduleBatteryFull()
    {
        var power = PowerW;
        if (power <= 0 || _ev?.RemainingWattTicks is not { } room)
        {
            _batteryFullTimer?.Dispose();
            _batteryFullTimer = null;
            return;
        }

        var dueTimestampTicks = decimal.Ceiling(room / power);
        var dueTimeSpanTicks = decimal.Ceiling(dueTimestampTicks * TimeSpan.TicksPerSecond / Context.Time.TimestampFrequency);
        // Timers take at most about 49 days; a longer charge simply re-arms when this one fires.
        var due = TimeSpan.FromTicks((long)Math.Min(dueTimeSpanTicks, MaxTimerDue.Ticks));
        if (_batteryFullTimer is null)
        {
            _batteryFullTimer = Context.Time.CreateTimer(OnBatteryFullDue, null, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _batteryFullTimer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private static readonly TimeSpan MaxTimerDue = TimeSpan.FromDays(49);

    private void OnBatteryFullDue(object? state)
    {
        lock (Context.Gate)
        {
            IntegrateToNow();
            ScheduleBatteryFull();
        }
    }

    /// <summary>Under the gate, right after <see cref="IntegrateToNow"/>. Per-phase lists cover every phase
    /// wired to the EVSE; phases the EV does not use carry no current.</summary>
    internal MeterReading ReadUnderGate()
    {
        var wiredPhases = _options.SupplyType == SimulatedSupplyType.DC ? 1 : _options.Phases;
        var draw = DrawPerPhaseA;
        var inUse = PhasesInUse;
        var voltage = VoltageV;
        var currents = new decimal[wiredPhases];
        var voltages = new decimal[wiredPhases];
        for (var phase = 0; phase < wiredPhases; phase++)
        {
            currents[phase] = phase < inUse ? draw : 0m;
            voltages[phase] = voltage;
        }

        // Kept before it is reported, so a restart never reads less than a value already reported.
        var registerWh = RegisterWh;
        MeterMemory.KeepRegister(registerWh);
        return new MeterReading(
            Context.Time.GetUtcNow(),
            registerWh,
            draw * voltage * inUse,
            currents,
            voltages,
            _relay.OfferedUnderGate);
    }

    /// <summary>Rounded down to the mWh, so the register never shows energy not yet delivered.</summary>
    private decimal RegisterWh =>
        _registerBaseWh + Math.Round(_registerWattTicks / _wattTicksPerWh, 3, MidpointRounding.ToZero);

    /// <summary>Under the gate, right after <see cref="IntegrateToNow"/>.</summary>
    internal SimulatedEvseStatus Snapshot()
    {
        var reading = ReadUnderGate();
        return new SimulatedEvseStatus(
            EvseId,
            Plugged: _ev is not null,
            PluggedConnectorId: _evConnector?.ConnectorId,
            EvDemanding: _ev?.Demanding ?? false,
            EvStateOfChargePercent: _ev?.StateOfChargePercent,
            RelayClosed: _relay.IsClosedUnderGate,
            OfferedCurrentA: reading.CurrentOfferedA,
            EnergyWh: reading.EnergyActiveImportWh,
            PowerW: reading.PowerActiveImportW,
            CurrentA: reading.CurrentImportA,
            VoltageV: reading.VoltageV,
            Connectors: Array.ConvertAll(_connectors, c => c.Snapshot()));
    }
}
