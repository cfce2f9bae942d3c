using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel.Catalogue;

/// <summary>One row of the catalogue: a standardized variable of a component as this station implements
/// it, with the reference station's default (PICS). The station supports the Actual attribute only;
/// requests for Target, MinSet or MaxSet answer NotSupportedAttributeType (B05.FR.06, B06.FR.08).</summary>
/// <param name="Component">Component name, e.g. <c>OCPPCommCtrlr</c>.</param>
/// <param name="Variable">Variable name.</param>
/// <param name="Instance">Variable instance, e.g. <c>Default</c> for MessageTimeout.</param>
/// <param name="Characteristics">Data type, unit, limits, values list.</param>
/// <param name="Mutability">Mutability of the Actual attribute.</param>
/// <param name="Default">Actual value before any profile override or persisted value; null = none.</param>
/// <param name="RebootRequired">A change only takes effect after a reboot (SetVariables answers RebootRequired).</param>
internal sealed record VariableSpec(
    string Component,
    string Variable,
    string? Instance,
    VariableCharacteristics Characteristics,
    MutabilityEnumType Mutability,
    string? Default,
    bool RebootRequired = false)
{
    /// <summary>Whether the value survives a reboot. Values the station measures or derives (state,
    /// clock, counters) do not; configuration does.</summary>
    public bool Persistent { get; init; } = true;

    /// <summary>Whether the value never changes (hardware facts such as ConnectorType).</summary>
    public bool Constant { get; init; }

    public Variable ToVariable() => new(
        new VariableKey(Variable, Instance),
        Characteristics,
        [new VariableAttribute(AttributeEnumType.Actual, Mutability, Persistent, Constant, Default)],
        RebootRequired);
}
