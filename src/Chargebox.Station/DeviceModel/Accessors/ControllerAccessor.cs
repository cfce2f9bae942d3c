using System.Globalization;

namespace Chargebox.Station.DeviceModel.Accessors;

/// <summary>Base of the typed accessors: reads the current Actual value of one controller's variables
/// and converts it. Values were checked against their characteristics when set, so parsing here
/// cannot fail for catalogue variables.</summary>
internal abstract class ControllerAccessor(StationDeviceModel model, string component)
{
    private readonly ComponentKey _component = new(component);

    protected string Text(string variable, string? instance = null) =>
        model.ReadActual(_component, new VariableKey(variable, instance));

    protected int Integer(string variable, string? instance = null) =>
        int.Parse(Text(variable, instance), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    protected TimeSpan Seconds(string variable, string? instance = null) => TimeSpan.FromSeconds(Integer(variable, instance));

    protected bool Boolean(string variable) => Text(variable) == "true";

    /// <summary>The members of a MemberList or SequenceList, in order.</summary>
    protected IReadOnlyList<string> List(string variable) => ValueCheck.Members(Text(variable));
}
