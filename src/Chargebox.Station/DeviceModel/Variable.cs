using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel;

/// <summary>A variable of a component: its characteristics and the attributes it supports.</summary>
internal sealed class Variable
{
    private readonly Dictionary<AttributeEnumType, VariableAttribute> _attributes;

    public Variable(VariableKey key, VariableCharacteristics characteristics, IEnumerable<VariableAttribute> attributes, bool rebootRequired)
    {
        Key = key;
        Characteristics = characteristics;
        RebootRequired = rebootRequired;
        _attributes = attributes.ToDictionary(a => a.Type);
    }

    public VariableKey Key { get; }

    public VariableCharacteristics Characteristics { get; }

    /// <summary>A change of this variable takes effect only after a reboot: SetVariables answers
    /// RebootRequired (B05) instead of Accepted.</summary>
    public bool RebootRequired { get; }

    /// <summary>The supported attributes in OCPP order (Actual, Target, MinSet, MaxSet).</summary>
    public IEnumerable<VariableAttribute> Attributes => _attributes.Values.OrderBy(a => a.Type);

    public VariableAttribute? Attribute(AttributeEnumType type) => _attributes.GetValueOrDefault(type);

    public VariableAttribute? Actual => Attribute(AttributeEnumType.Actual);

    public VariableType ToWire() => new() { Name = Key.Name, Instance = Key.Instance };
}
