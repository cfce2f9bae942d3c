using Chargebox.Protocol.Validation;

namespace Chargebox.Protocol.Tests.Validation;

/// <summary>Hand-built schema graphs shaped like the OCPP 2.0.1 ones, for tests that must not depend on
/// the generated code. Immutable once built, so sharing them between tests is safe.</summary>
internal static class TestSchemas
{
    public static readonly SchemaNode CustomData =
        SchemaNode.Object("CustomDataType", additionalProperties: true)
            .Define(new SchemaProperty("vendorId", SchemaNode.String(255), true));

    public static readonly SchemaNode BootNotificationRequest = BuildBootNotificationRequest();

    public static readonly SchemaNode BootNotificationResponse = SchemaNode.Object().Define(
        new SchemaProperty("customData", CustomData, false),
        new SchemaProperty("currentTime", SchemaNode.String(isDateTime: true), true),
        new SchemaProperty("interval", SchemaNode.Integer(), true),
        new SchemaProperty("status", SchemaNode.String(enumValues: ["Accepted", "Pending", "Rejected"], definition: "RegistrationStatusEnumType"), true));

    /// <summary>Like MeterValuesRequest: arrays of objects inside arrays of objects.</summary>
    public static readonly SchemaNode MeterValuesRequest = BuildMeterValuesRequest();

    /// <summary>Like GetVariablesRequest: one array with minItems 1.</summary>
    public static readonly SchemaNode GetVariablesRequest = SchemaNode.Object().Define(
        new SchemaProperty("customData", CustomData, false),
        new SchemaProperty("getVariableData", SchemaNode.Array(
            SchemaNode.Object("GetVariableDataType").Define(
                new SchemaProperty("component", SchemaNode.String(50), true),
                new SchemaProperty("variable", SchemaNode.String(50), true)),
            minItems: 1), true));

    /// <summary>Bounds and maxItems, as in NotifyEVChargingNeeds and SetChargingProfile.</summary>
    public static readonly SchemaNode Bounded = SchemaNode.Object().Define(
        new SchemaProperty("departureSoC", SchemaNode.Integer(minimum: 0, maximum: 100), false),
        new SchemaProperty("energyAmount", SchemaNode.Number(minimum: 0m), false),
        new SchemaProperty("limits", SchemaNode.Array(SchemaNode.Number(), minItems: 1, maxItems: 3), false),
        new SchemaProperty("enabled", SchemaNode.Boolean(), false));

    /// <summary>Like HeartbeatRequest: nothing required.</summary>
    public static readonly SchemaNode HeartbeatRequest = SchemaNode.Object().Define(
        new SchemaProperty("customData", CustomData, false));

    private static SchemaNode BuildBootNotificationRequest()
    {
        var modem = SchemaNode.Object("ModemType").Define(
            new SchemaProperty("customData", CustomData, false),
            new SchemaProperty("iccid", SchemaNode.String(20), false),
            new SchemaProperty("imsi", SchemaNode.String(20), false));
        var chargingStation = SchemaNode.Object("ChargingStationType").Define(
            new SchemaProperty("customData", CustomData, false),
            new SchemaProperty("serialNumber", SchemaNode.String(25), false),
            new SchemaProperty("model", SchemaNode.String(20), true),
            new SchemaProperty("modem", modem, false),
            new SchemaProperty("vendorName", SchemaNode.String(50), true),
            new SchemaProperty("firmwareVersion", SchemaNode.String(50), false));
        var reason = SchemaNode.String(
            enumValues: ["ApplicationReset", "FirmwareUpdate", "LocalReset", "PowerUp", "RemoteReset", "ScheduledReset", "Triggered", "Unknown", "Watchdog"],
            definition: "BootReasonEnumType");
        return SchemaNode.Object().Define(
            new SchemaProperty("customData", CustomData, false),
            new SchemaProperty("chargingStation", chargingStation, true),
            new SchemaProperty("reason", reason, true));
    }

    private static SchemaNode BuildMeterValuesRequest()
    {
        var measurand = SchemaNode.String(
            enumValues: ["Current.Import", "Energy.Active.Import.Register", "Power.Active.Import", "SoC", "Voltage"],
            definition: "MeasurandEnumType");
        var sampledValue = SchemaNode.Object("SampledValueType").Define(
            new SchemaProperty("customData", CustomData, false),
            new SchemaProperty("value", SchemaNode.Number(), true),
            new SchemaProperty("measurand", measurand, false));
        var meterValue = SchemaNode.Object("MeterValueType").Define(
            new SchemaProperty("customData", CustomData, false),
            new SchemaProperty("sampledValue", SchemaNode.Array(sampledValue, minItems: 1), true),
            new SchemaProperty("timestamp", SchemaNode.String(isDateTime: true), true));
        return SchemaNode.Object().Define(
            new SchemaProperty("customData", CustomData, false),
            new SchemaProperty("evseId", SchemaNode.Integer(), true),
            new SchemaProperty("meterValue", SchemaNode.Array(meterValue, minItems: 1), true));
    }
}
