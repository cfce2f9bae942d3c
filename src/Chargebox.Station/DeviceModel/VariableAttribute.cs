using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel;

/// <summary>One attribute (Actual, Target, MinSet or MaxSet) of a variable and its current value.
/// Mutated only by <see cref="StationDeviceModel"/>, on the station's single logical thread.</summary>
internal sealed class VariableAttribute(AttributeEnumType type, MutabilityEnumType mutability, bool persistent, bool constant, string? value)
{
    public AttributeEnumType Type { get; } = type;

    public MutabilityEnumType Mutability { get; } = mutability;

    public bool Persistent { get; } = persistent;

    public bool Constant { get; } = constant;

    /// <summary>The value as OCPP carries it; null when none is known (e.g. no BasicAuthPassword set).</summary>
    public string? Value { get; internal set; } = value;

    public bool IsReadable => Mutability != MutabilityEnumType.WriteOnly;

    public bool IsWritable => Mutability != MutabilityEnumType.ReadOnly;
}
