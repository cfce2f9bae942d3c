namespace Chargebox.Simulator;

/// <summary>The EV plugged into an EVSE: whether it asks for power, how much it can take, and (optionally)
/// how full its battery is. Energy is kept in W × timestamp ticks, like the meter, so it is exact.</summary>
internal sealed class SimulatedEv
{
    private readonly decimal? _capacityWattTicks;
    private decimal _storedWattTicks;

    public SimulatedEv(SimulatedEvOptions options, decimal wattTicksPerWh)
    {
        Validate(options);
        Options = options;
        if (options.BatteryCapacityWh is { } capacityWh)
        {
            _capacityWattTicks = capacityWh * wattTicksPerWh;
            _storedWattTicks = _capacityWattTicks.Value * options.InitialStateOfChargePercent / 100m;
        }

        Demanding = options.DemandsPowerOnPlug && !IsFull;
    }

    public SimulatedEvOptions Options { get; }

    public bool Demanding { get; set; }

    public bool IsFull => _capacityWattTicks is { } capacity && _storedWattTicks >= capacity;

    /// <summary>Energy the battery can still take; null when the EV has no modelled battery.</summary>
    public decimal? RemainingWattTicks => _capacityWattTicks - _storedWattTicks;

    public decimal? StateOfChargePercent =>
        _capacityWattTicks is { } capacity
            ? Math.Round(_storedWattTicks * 100m / capacity, 2, MidpointRounding.ToZero)
            : null;

    public void Store(decimal wattTicks) => _storedWattTicks += wattTicks;

    private static void Validate(SimulatedEvOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxCurrentA <= 0)
        {
            throw new ArgumentException($"The EV's MaxCurrentA must be positive, not {options.MaxCurrentA}.", nameof(options));
        }

        if (options.Phases is not (1 or 3))
        {
            throw new ArgumentException($"The EV's Phases must be 1 or 3, not {options.Phases}.", nameof(options));
        }

        if (options.VoltageV <= 0)
        {
            throw new ArgumentException($"The EV's VoltageV must be positive, not {options.VoltageV}.", nameof(options));
        }

        if (options.BatteryCapacityWh is <= 0)
        {
            throw new ArgumentException($"The EV's BatteryCapacityWh must be positive, not {options.BatteryCapacityWh}.", nameof(options));
        }

        if (options.InitialStateOfChargePercent is < 0 or > 100)
        {
            throw new ArgumentException(
                $"The EV's InitialStateOfChargePercent must be between 0 and 100, not {options.InitialStateOfChargePercent}.", nameof(options));
        }
    }
}
