namespace Chargebox.Simulator;

/// <summary>The EV that is plugged in: how much it can draw and, optionally, its battery.</summary>
public sealed record SimulatedEvOptions
{
    /// <summary>The most current the EV draws per phase, in A.</summary>
    public decimal MaxCurrentA { get; init; } = 32m;

    /// <summary>Phases the EV's on-board charger uses on AC: 1 or 3.</summary>
    public int Phases { get; init; } = 1;

    /// <summary>The EV's battery voltage, in V; used on DC only (on AC the grid sets the voltage).</summary>
    public decimal VoltageV { get; init; } = 230m;

    /// <summary>Whether the EV asks for power as soon as it is plugged in.</summary>
    public bool DemandsPowerOnPlug { get; init; } = true;

    /// <summary>Usable battery capacity, in Wh; null for an EV whose battery never fills.</summary>
    public decimal? BatteryCapacityWh { get; init; }

    /// <summary>State of charge when plugged in, in percent of <see cref="BatteryCapacityWh"/>.</summary>
    public decimal InitialStateOfChargePercent { get; init; } = 20m;
}
