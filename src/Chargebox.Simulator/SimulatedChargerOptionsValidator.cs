namespace Chargebox.Simulator;

/// <summary>Rejects a charger shape that cannot exist, naming the offending EVSE or connector, before any
/// part of the simulator is built.</summary>
internal static class SimulatedChargerOptionsValidator
{
    public static void Validate(SimulatedChargerOptions options)
    {
        if (options.Evses is null || options.Evses.Count == 0)
        {
            throw new ArgumentException("The simulated charger needs at least one EVSE.", nameof(options));
        }

        var evseIds = new HashSet<int>();
        foreach (var evse in options.Evses)
        {
            ValidateEvse(evse);
            if (!evseIds.Add(evse.Id))
            {
                throw new ArgumentException($"EVSE id {evse.Id} appears twice.", nameof(options));
            }
        }
    }

    private static void ValidateEvse(SimulatedEvseOptions evse)
    {
        if (evse.Id < 1)
        {
            throw new ArgumentException($"EVSE id {evse.Id} is not valid: EVSE ids start at 1.", nameof(evse));
        }

        if (evse.Phases is not (1 or 3))
        {
            throw new ArgumentException($"EVSE {evse.Id}: Phases must be 1 or 3, not {evse.Phases}.", nameof(evse));
        }

        if (evse.NominalVoltageV <= 0 || evse.MaxCurrentA <= 0)
        {
            throw new ArgumentException($"EVSE {evse.Id}: NominalVoltageV and MaxCurrentA must be positive.", nameof(evse));
        }

        if (evse.InitialEnergyWh < 0)
        {
            throw new ArgumentException($"EVSE {evse.Id}: InitialEnergyWh must not be negative.", nameof(evse));
        }

        if (evse.Connectors is null || evse.Connectors.Count == 0)
        {
            throw new ArgumentException($"EVSE {evse.Id} needs at least one connector.", nameof(evse));
        }

        var connectorIds = new HashSet<int>();
        foreach (var connector in evse.Connectors)
        {
            if (connector.Id < 1 || !connectorIds.Add(connector.Id))
            {
                throw new ArgumentException(
                    $"EVSE {evse.Id}: connector id {connector.Id} is not valid (ids start at 1 and are unique per EVSE).", nameof(evse));
            }
        }
    }
}
