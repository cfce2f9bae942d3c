namespace Chargebox.Simulator;

/// <summary>What the simulated charger is made of: its EVSEs, each with connectors, supply and rating.</summary>
public sealed record SimulatedChargerOptions
{
    public required IReadOnlyList<SimulatedEvseOptions> Evses { get; init; }

    /// <summary>Where each meter keeps what survives a power cut: its signing key (<c>meter-evse-{id}.pem</c>),
    /// made on first use, and its energy register and OCMF page counters (<c>meter-evse-{id}.json</c>), which a
    /// new charger over the same directory goes on from (taking precedence over
    /// <see cref="SimulatedEvseOptions.InitialEnergyWh"/>). Null: all of it lives in memory only, and the keys
    /// change and the registers start again with every new charger (tests).</summary>
    public string? MeterKeyDirectory { get; init; }

    /// <summary>A charger with <paramref name="evseCount"/> EVSEs of one connector each, with a lock,
    /// 1 phase, 230 V, 32 A, AC: the shape of the reference station.</summary>
    public static SimulatedChargerOptions Default(int evseCount = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(evseCount, 1);
        var evses = new SimulatedEvseOptions[evseCount];
        for (var i = 0; i < evseCount; i++)
        {
            evses[i] = new SimulatedEvseOptions { Id = i + 1 };
        }

        return new SimulatedChargerOptions { Evses = evses };
    }
}
