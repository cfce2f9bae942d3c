namespace Chargebox.Simulator;

/// <summary>One EVSE of the simulated charger.</summary>
public sealed record SimulatedEvseOptions
{
    /// <summary>The EVSE id, 1-based as in OCPP.</summary>
    public required int Id { get; init; }

    /// <summary>The connectors of this EVSE; by default one connector (id 1) with a lock.</summary>
    public IReadOnlyList<SimulatedConnectorOptions> Connectors { get; init; } = [new SimulatedConnectorOptions { Id = 1 }];

    /// <summary>Phases wired to this EVSE: 1 or 3 (AC only; a DC EVSE has one output).</summary>
    public int Phases { get; init; } = 1;

    /// <summary>Phase-to-neutral voltage of the grid, in V (AC only; on DC the EV's battery sets it).</summary>
    public decimal NominalVoltageV { get; init; } = 230m;

    /// <summary>The most current this EVSE can offer per phase, in A; the relay never offers more.</summary>
    public decimal MaxCurrentA { get; init; } = 32m;

    public SimulatedSupplyType SupplyType { get; init; } = SimulatedSupplyType.AC;

    /// <summary>The meter's register when the simulation starts, in Wh; a register kept in
    /// <see cref="SimulatedChargerOptions.MeterKeyDirectory"/> by an earlier charger takes precedence.</summary>
    public decimal InitialEnergyWh { get; init; }
}

/// <summary>Whether an EVSE delivers alternating or direct current.</summary>
public enum SimulatedSupplyType
{
    AC,
    DC,
}
