namespace Chargebox.SchemaGen;

/// <summary>Who sends the CALL of each action. The schemas do not say; this follows the message lists of
/// OCPP 2.0.1 Part 2. The generator fails when this table and the schema folder disagree.</summary>
internal static class ActionDirections
{
    public const string ChargingStationToCsms = "ChargingStationToCsms";
    public const string CsmsToChargingStation = "CsmsToChargingStation";
    public const string Both = "Both";

    private static readonly string[] FromChargingStation =
    [
        "Authorize", "BootNotification", "ClearedChargingLimit", "FirmwareStatusNotification",
        "Get15118EVCertificate", "GetCertificateStatus", "Heartbeat", "LogStatusNotification", "MeterValues",
        "NotifyChargingLimit", "NotifyCustomerInformation", "NotifyDisplayMessages", "NotifyEVChargingNeeds",
        "NotifyEVChargingSchedule", "NotifyEvent", "NotifyMonitoringReport", "NotifyReport",
        "PublishFirmwareStatusNotification", "ReportChargingProfiles", "ReservationStatusUpdate",
        "SecurityEventNotification", "SignCertificate", "StatusNotification", "TransactionEvent",
    ];

    private static readonly string[] FromBoth = ["DataTransfer"];

    private static readonly string[] FromCsms =
    [
        "CancelReservation", "CertificateSigned", "ChangeAvailability", "ClearCache", "ClearChargingProfile",
        "ClearDisplayMessage", "ClearVariableMonitoring", "CostUpdated", "CustomerInformation",
        "DeleteCertificate", "GetBaseReport", "GetChargingProfiles", "GetCompositeSchedule",
        "GetDisplayMessages", "GetInstalledCertificateIds", "GetLocalListVersion", "GetLog",
        "GetMonitoringReport", "GetReport", "GetTransactionStatus", "GetVariables", "InstallCertificate",
        "PublishFirmware", "RequestStartTransaction", "RequestStopTransaction", "ReserveNow", "Reset",
        "SendLocalList", "SetChargingProfile", "SetDisplayMessage", "SetMonitoringBase", "SetMonitoringLevel",
        "SetNetworkProfile", "SetVariableMonitoring", "SetVariables", "TriggerMessage", "UnlockConnector",
        "UnpublishFirmware", "UpdateFirmware",
    ];

    /// <summary>The direction of every action, by name (ordinal).</summary>
    public static IReadOnlyDictionary<string, string> Table { get; } = Build();

    /// <summary>Fails unless every action of the schema folder has exactly one direction and every
    /// action of the table has a request and a response schema.</summary>
    public static void CheckAgainst(IEnumerable<MessageSchema> messages)
    {
        var problems = new List<string>();
        foreach (var group in messages.GroupBy(m => m.ActionName, StringComparer.Ordinal))
        {
            if (!Table.ContainsKey(group.Key))
            {
                problems.Add($"action {group.Key} has schemas but no direction in the table");
            }

            if (group.Count(m => m.IsRequest) != 1 || group.Count(m => !m.IsRequest) != 1)
            {
                problems.Add($"action {group.Key} needs exactly one request and one response schema");
            }
        }

        var actions = messages.Select(m => m.ActionName).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(Table.Keys.Where(a => !actions.Contains(a)).Select(a => $"action {a} is in the direction table but has no schemas"));
        if (problems.Count != 0)
        {
            throw new GeneratorException("The schema folder and the direction table disagree:\n  " + string.Join("\n  ", problems.Order(StringComparer.Ordinal)));
        }
    }

    private static Dictionary<string, string> Build()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (names, direction) in new[] { (FromChargingStation, ChargingStationToCsms), (FromBoth, Both), (FromCsms, CsmsToChargingStation) })
        {
            foreach (var name in names)
            {
                if (!table.TryAdd(name, direction))
                {
                    throw new GeneratorException($"Action {name} appears twice in the direction table.");
                }
            }
        }

        return table;
    }
}
