using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;

namespace Chargebox.Station.Provisioning.Reports;

/// <summary>Builds the report items of GetBaseReport (B07) and GetReport (B08) from the device model.
/// A WriteOnly attribute is reported without its value (TC_B_53).</summary>
internal static class ReportBuilder
{
    /// <summary>ConfigurationInventory: every variable with a ReadWrite or WriteOnly attribute, with only
    /// those attributes (TC_B_12). FullInventory: everything (TC_B_13). SummaryInventory is not
    /// supported by this station (C-56 No, TC_B_15).</summary>
    public static ReportDecision BaseReport(StationDeviceModel model, ReportBaseEnumType reportBase) => reportBase switch
    {
        ReportBaseEnumType.ConfigurationInventory => ReportDecision.From(Collect(model, _ => true, (_, a) => a.IsWritable)),
        ReportBaseEnumType.FullInventory => ReportDecision.From(Collect(model, _ => true, (_, _) => true)),
        _ => ReportDecision.NotSupported($"reportBase {reportBase.ToWireString()} is not supported"),
    };

    /// <summary>GetReport: components matching any of <paramref name="criteria"/> (a component matches a
    /// criterion when it has a variable of that name, Active, Available, Enabled or Problem, whose Actual
    /// value is true), restricted to <paramref name="componentVariables"/> when given (a component
    /// without variable selects all its variables; an absent instance or EVSE in the request matches any).
    /// Both absent: every variable.</summary>
    public static ReportDecision CustomReport(StationDeviceModel model, IReadOnlyList<ComponentCriterionEnumType>? criteria, IReadOnlyList<ComponentVariableType>? componentVariables)
    {
        bool ComponentMatches(Component component) =>
            criteria is not { Count: > 0 } || criteria.Any(c => Meets(model, component, c));

        bool VariableWanted(Component component, Variable variable) =>
            componentVariables is not { Count: > 0 } || componentVariables.Any(cv => Selects(cv, component.Key, variable.Key));

        return ReportDecision.From(Collect(model, ComponentMatches, (v, _) => true, VariableWanted));
    }

    private static List<ReportDataType> Collect(
        StationDeviceModel model,
        Func<Component, bool> componentFilter,
        Func<Variable, VariableAttribute, bool> attributeFilter,
        Func<Component, Variable, bool>? variableFilter = null)
    {
        var items = new List<ReportDataType>();
        foreach (var component in model.Components)
        {
            if (!componentFilter(component))
            {
                continue;
            }

            foreach (var variable in component.Variables)
            {
                if (variableFilter is not null && !variableFilter(component, variable))
                {
                    continue;
                }

                var attributes = variable.Attributes
                    .Where(a => attributeFilter(variable, a))
                    .Select(a => new VariableAttributeType
                    {
                        Type = a.Type,
                        Value = a.IsReadable ? model.ReadValue(variable, a) : null,
                        Mutability = a.Mutability,
                        Persistent = a.Persistent,
                        Constant = a.Constant,
                    })
                    .ToArray();
                if (attributes.Length == 0)
                {
                    continue;
                }

                items.Add(new ReportDataType
                {
                    Component = component.ToWire(),
                    Variable = variable.ToWire(),
                    VariableAttribute = attributes,
                    VariableCharacteristics = variable.Characteristics.ToWire(),
                });
            }
        }

        return items;
    }

    private static bool Meets(StationDeviceModel model, Component component, ComponentCriterionEnumType criterion)
    {
        var variable = component.Find(new VariableKey(criterion.ToWireString()));
        return variable?.Actual is { } actual && model.ReadValue(variable, actual) == "true";
    }

    private static bool Selects(ComponentVariableType selector, ComponentKey component, VariableKey variable)
    {
        var wanted = selector.Component;
        if (!string.Equals(wanted.Name, component.Name, StringComparison.OrdinalIgnoreCase)
            || (wanted.Instance is not null && !string.Equals(wanted.Instance, component.Instance, StringComparison.OrdinalIgnoreCase))
            || (wanted.Evse is { } evse && (evse.Id != component.EvseId || (evse.ConnectorId is { } connector && connector != component.ConnectorId))))
        {
            return false;
        }

        return selector.Variable is not { } v
            || (string.Equals(v.Name, variable.Name, StringComparison.OrdinalIgnoreCase)
                && (v.Instance is null || string.Equals(v.Instance, variable.Instance, StringComparison.OrdinalIgnoreCase)));
    }
}
