using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel;

/// <summary>A component of the device model (a controller such as OCPPCommCtrlr, or a physical part
/// such as an EVSE or a connector) and its variables.</summary>
internal sealed class Component(ComponentKey key)
{
    private readonly Dictionary<VariableKey, Variable> _variables = [];
    private readonly List<Variable> _ordered = [];

    public ComponentKey Key { get; } = key;

    /// <summary>The variables in the order they were added (catalogue order), which is the report order.</summary>
    public IReadOnlyList<Variable> Variables => _ordered;

    public Variable? Find(VariableKey key) => _variables.GetValueOrDefault(key);

    /// <summary>Adds a variable, or replaces one with the same key (a profile may redefine a catalogue entry).</summary>
    public void Add(Variable variable)
    {
        if (_variables.TryGetValue(variable.Key, out var existing))
        {
            _ordered[_ordered.IndexOf(existing)] = variable;
        }
        else
        {
            _ordered.Add(variable);
        }

        _variables[variable.Key] = variable;
    }

    public ComponentType ToWire() => new()
    {
        Name = Key.Name,
        Instance = Key.Instance,
        Evse = Key.EvseId is { } evse ? new EVSEType { Id = evse, ConnectorId = Key.ConnectorId } : null,
    };
}
