using Chargebox.Station.DeviceModel.Catalogue;
using Chargebox.Station.Profiles;
using Chargebox.Station.Storage;

namespace Chargebox.Station.DeviceModel;

/// <summary>Builds the device model of a station from its profile: the standard catalogue, the layout
/// (ChargingStation, EVSE and Connector components) and the profile's overrides. Persisted values are
/// applied afterwards with <see cref="StationDeviceModel.LoadAsync"/>.</summary>
internal static class DeviceModelFactory
{
    /// <summary>Builds the model; the profile must have been validated by <see cref="StationProfileLoader"/>
    /// (an override that does not fit is a bug here and throws).</summary>
    public static StationDeviceModel Create(StationProfile profile, IDeviceModelStore store, TimeProvider time)
    {
        var problems = new List<ProfileProblem>();
        var model = Build(profile, store, time, problems);
        return problems.Count == 0
            ? model
            : throw new ArgumentException($"The station profile is not valid: {string.Join("; ", problems)}", nameof(profile));
    }

    /// <summary>Builds the model and collects each override that names no variable or whose value does
    /// not fit (the override is then skipped).</summary>
    internal static StationDeviceModel Build(StationProfile profile, IDeviceModelStore store, TimeProvider time, List<ProfileProblem> problems)
    {
        var model = new StationDeviceModel(store, time);
        foreach (var spec in StandardCatalogue.Controllers)
        {
            model.Add(new ComponentKey(spec.Component), spec.ToVariable());
        }

        foreach (var spec in LocalAuthListCatalogue.For(profile.LocalAuthList))
        {
            model.Add(new ComponentKey(spec.Component), spec.ToVariable());
        }

        if (profile.Reservation)
        {
            foreach (var spec in StandardCatalogue.Reservation)
            {
                model.Add(new ComponentKey(spec.Component), spec.ToVariable());
            }
        }

        if (profile.Display is { } display)
        {
            foreach (var spec in DisplayMessageCatalogue.For(display))
            {
                model.Add(new ComponentKey(spec.Component), spec.ToVariable());
            }
        }

        if (profile.TariffCost)
        {
            foreach (var spec in TariffCostCatalogue.All)
            {
                model.Add(new ComponentKey(spec.Component), spec.ToVariable());
            }
        }

        foreach (var (component, spec) in LayoutCatalogue.For(profile))
        {
            model.Add(component, spec.ToVariable());
        }

        for (var i = 0; i < profile.Variables.Count; i++)
        {
            ApplyOverride(model, profile.Variables[i], $"variables[{i}]", problems);
        }

        return model;
    }

    private static void ApplyOverride(StationDeviceModel model, VariableOverride entry, string field, List<ProfileProblem> problems)
    {
        var componentKey = new ComponentKey(entry.Component, entry.ComponentInstance, entry.EvseId, entry.ConnectorId);
        var variableKey = new VariableKey(entry.Variable, entry.Instance);
        var component = model.FindComponent(componentKey);
        if (component is null)
        {
            problems.Add(new ProfileProblem($"{field}.component", $"unknown component '{componentKey}'"));
            return;
        }

        var variable = component.Find(variableKey);
        if (variable?.Actual is not { } actual)
        {
            problems.Add(new ProfileProblem($"{field}.variable", $"unknown variable '{variableKey}' of component '{componentKey}'"));
            return;
        }

        if (ValueCheck.Check(variable.Characteristics, entry.Value, out var normalized) is { } rejection)
        {
            problems.Add(new ProfileProblem($"{field}.value", $"'{entry.Value}' does not fit {componentKey}.{variableKey}: {rejection.AdditionalInfo}"));
            return;
        }

        actual.Value = normalized;
    }
}
