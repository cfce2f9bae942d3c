using System.Globalization;
using Chargebox.Station.Profiles;
using static Chargebox.Protocol.Messages.MutabilityEnumType;

namespace Chargebox.Station.DeviceModel.Catalogue;

/// <summary>The variables that follow from the station's identity and layout: the ChargingStation
/// component, one EVSE component per EVSE and one Connector component per connector (Part 2 appendix
/// 3.2), with the Required variables of dm_components_vars.csv.</summary>
internal static class LayoutCatalogue
{
    public static IEnumerable<(ComponentKey Component, VariableSpec Spec)> For(StationProfile profile)
    {
        var station = new ComponentKey("ChargingStation");
        yield return (station, State("ChargingStation"));
        yield return (station, Fact("ChargingStation", "Available", VariableDataType.Boolean, "true"));
        var phases = profile.Evses.Select(e => e.SupplyPhases).DefaultIfEmpty(0).Max();
        yield return (station, Fact("ChargingStation", "SupplyPhases", VariableDataType.Integer, Text(phases)));
        yield return (station, Fact("ChargingStation", "VendorName", VariableDataType.String, profile.Vendor));
        yield return (station, Fact("ChargingStation", "Model", VariableDataType.String, profile.Model));
        if (profile.SerialNumber is { } serial)
        {
            yield return (station, Fact("ChargingStation", "SerialNumber", VariableDataType.String, serial));
        }

        // C-20: new sessions are allowed while a firmware update waits for the EVSEs to become available.
        yield return (station, new VariableSpec("ChargingStation", "AllowNewSessionsPendingFirmwareUpdate", null, new(VariableDataType.Boolean), ReadWrite, "true"));

        // Part 2 appendix 3.1.12: with fixed cables only, UnlockOnEVSideDisconnect is ReadOnly false.
        var anySocket = profile.Evses.SelectMany(e => e.Connectors).Any(c => !c.FixedCable);
        yield return (new ComponentKey("OCPPCommCtrlr"), new VariableSpec(
            "OCPPCommCtrlr", "UnlockOnEVSideDisconnect", null, new(VariableDataType.Boolean), anySocket ? ReadWrite : ReadOnly, anySocket ? "true" : "false"));

        foreach (var evse in profile.Evses)
        {
            var key = ComponentKey.Evse(evse.Id);
            yield return (key, State("EVSE"));
            yield return (key, Fact("EVSE", "Available", VariableDataType.Boolean, "true"));
            // The maxLimit of EVSE.Power is required; the Actual value is the measured power.
            yield return (key, new VariableSpec("EVSE", "Power", null, new(VariableDataType.Decimal, "W", MaxLimit: evse.EffectiveMaxPower), ReadOnly, "0") { Persistent = false });
            yield return (key, Fact("EVSE", "SupplyPhases", VariableDataType.Integer, Text(evse.SupplyPhases)));
            yield return (key, Fact("EVSE", "AllowReset", VariableDataType.Boolean, "true")); // C-13

            foreach (var connector in evse.Connectors)
            {
                var connectorKey = ComponentKey.Connector(evse.Id, connector.Id);
                yield return (connectorKey, State("Connector"));
                yield return (connectorKey, Fact("Connector", "Available", VariableDataType.Boolean, "true"));
                yield return (connectorKey, Fact("Connector", "ConnectorType", VariableDataType.String, connector.Type));
                yield return (connectorKey, Fact("Connector", "SupplyPhases", VariableDataType.Integer, Text(evse.SupplyPhases)));
            }
        }
    }

    /// <summary>AvailabilityState: kept up to date by the station (G01-G04), not persisted here (the
    /// availability store keeps the operative state).</summary>
    private static VariableSpec State(string component) =>
        new(component, "AvailabilityState", null, new(VariableDataType.OptionList, ValuesList: StandardCatalogue.AvailabilityStates), ReadOnly, "Available") { Persistent = false };

    private static VariableSpec Fact(string component, string variable, VariableDataType type, string value) =>
        new(component, variable, null, new(type), ReadOnly, value) { Constant = true };

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
