using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Provisioning;

/// <summary>B07: Get Base Report (Part 6, TC_B_12, TC_B_13, TC_B_15, TC_B_53).</summary>
public sealed class BaseReportTests
{
    // Required = yes in the Part 2 appendix (dm_components_vars.csv) for the components of functional blocks
    // this station implements (Core and Advanced Security; no display messages, ISO 15118, local list,
    // monitoring, smart charging or tariffs).
    private static readonly (string Component, string Variable, string? Instance)[] RequiredVariables =
    [
        ("AlignedDataCtrlr", "Interval", null), ("AlignedDataCtrlr", "Measurands", null),
        ("AlignedDataCtrlr", "TxEndedInterval", null), ("AlignedDataCtrlr", "TxEndedMeasurands", null),
        ("AuthCtrlr", "AuthorizeRemoteStart", null), ("AuthCtrlr", "LocalAuthorizeOffline", null), ("AuthCtrlr", "LocalPreAuthorize", null),
        ("ChargingStation", "AvailabilityState", null), ("ChargingStation", "Available", null), ("ChargingStation", "SupplyPhases", null),
        ("ClockCtrlr", "DateTime", null), ("ClockCtrlr", "TimeSource", null),
        ("Connector", "Available", null), ("Connector", "ConnectorType", null), ("Connector", "SupplyPhases", null),
        ("DeviceDataCtrlr", "BytesPerMessage", "GetReport"), ("DeviceDataCtrlr", "BytesPerMessage", "GetVariables"), ("DeviceDataCtrlr", "BytesPerMessage", "SetVariables"),
        ("DeviceDataCtrlr", "ItemsPerMessage", "GetReport"), ("DeviceDataCtrlr", "ItemsPerMessage", "GetVariables"), ("DeviceDataCtrlr", "ItemsPerMessage", "SetVariables"),
        ("EVSE", "AvailabilityState", null), ("EVSE", "Available", null), ("EVSE", "Power", null), ("EVSE", "SupplyPhases", null),
        ("OCPPCommCtrlr", "FileTransferProtocols", null), ("OCPPCommCtrlr", "MessageTimeout", "Default"),
        ("OCPPCommCtrlr", "MessageAttemptInterval", "TransactionEvent"), ("OCPPCommCtrlr", "MessageAttempts", "TransactionEvent"),
        ("OCPPCommCtrlr", "NetworkConfigurationPriority", null), ("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", null),
        ("OCPPCommCtrlr", "OfflineThreshold", null), ("OCPPCommCtrlr", "ResetRetries", null), ("OCPPCommCtrlr", "UnlockOnEVSideDisconnect", null),
        ("SampledDataCtrlr", "TxEndedInterval", null), ("SampledDataCtrlr", "TxEndedMeasurands", null), ("SampledDataCtrlr", "TxStartedMeasurands", null),
        ("SampledDataCtrlr", "TxUpdatedInterval", null), ("SampledDataCtrlr", "TxUpdatedMeasurands", null),
        ("SecurityCtrlr", "CertificateEntries", null), ("SecurityCtrlr", "OrganizationName", null), ("SecurityCtrlr", "SecurityProfile", null),
        ("TxCtrlr", "EVConnectionTimeOut", null), ("TxCtrlr", "StopTxOnEVSideDisconnect", null), ("TxCtrlr", "StopTxOnInvalidId", null),
        ("TxCtrlr", "TxStartPoint", null), ("TxCtrlr", "TxStopPoint", null),
    ];

    [Fact]
    public async Task TC_B_12_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var items = await GetBaseReportAsync(sut, 12, ReportBaseEnumType.ConfigurationInventory);

        // Post-scenario: characteristics present; only ReadWrite or WriteOnly attributes; at least the writable
        // required variables (e.g. OfflineThreshold, HeartbeatInterval).
        Assert.All(items, item => Assert.All(item.VariableAttribute, a =>
            Assert.Contains(a.Mutability ?? MutabilityEnumType.ReadWrite, new[] { MutabilityEnumType.ReadWrite, MutabilityEnumType.WriteOnly })));
        Assert.Contains(items, i => (i.Component.Name, i.Variable.Name) == ("OCPPCommCtrlr", "OfflineThreshold"));
        Assert.Contains(items, i => (i.Component.Name, i.Variable.Name) == ("OCPPCommCtrlr", "HeartbeatInterval"));
        Assert.Contains(items, i => (i.Component.Name, i.Variable.Name) == ("AuthCtrlr", "AuthorizeRemoteStart"));
        Assert.DoesNotContain(items, i => (i.Component.Name, i.Variable.Name) == ("OCPPCommCtrlr", "MessageTimeout"));
    }

    [Fact]
    public async Task TC_B_13_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var items = await GetBaseReportAsync(sut, 13, ReportBaseEnumType.FullInventory);

        // Post-scenario: the charging infrastructure (station, EVSE, connector) is reported too.
        Assert.Contains(items, i => (i.Component.Name, i.Variable.Name) == ("ChargingStation", "AvailabilityState"));
        Assert.Contains(items, i => i.Component.Name == "EVSE" && i.Component.Evse?.Id == StationUnderTest.EvseId && i.Variable.Name == "AvailabilityState");
        Assert.Contains(items, i => i.Component.Name == "Connector" && i.Component.Evse?.Id == StationUnderTest.EvseId
            && i.Component.Evse?.ConnectorId == StationUnderTest.ConnectorId && i.Variable.Name == "ConnectorType");
    }

    [Fact]
    public async Task TC_B_15_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        var framesBefore = sut.Connection.Frames.Count;

        // 1-2. SummaryInventory, which this station (no Advanced Device Management) does not support.
        var response = await sut.Connection.CallAsync(new GetBaseReportRequest { RequestId = 15, ReportBase = ReportBaseEnumType.SummaryInventory }, StationUnderTest.Timeout);

        Assert.Equal(GenericDeviceModelStatusEnumType.NotSupported, response.Status);
        Assert.True(response.StatusInfo is null || response.StatusInfo.ReasonCode == "UnsupportedParam", $"reasonCode {response.StatusInfo?.ReasonCode}");

        // The OCTT makes sure no NotifyReportRequest follows: a heartbeat round trip shows the station's
        // outgoing queue is drained and nothing but the heartbeat came.
        var heartbeat = await sut.Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.Heartbeat }, StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, heartbeat.Status);
        await sut.Connection.ExpectFrameAsync(f => f.Text.Contains("\"Heartbeat\"", StringComparison.Ordinal), StationUnderTest.Timeout);
        Assert.DoesNotContain(sut.Connection.Frames.Skip(framesBefore), f => f.Text.Contains("\"NotifyReport\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_B_53_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var items = await GetBaseReportAsync(sut, 53, ReportBaseEnumType.FullInventory);

        // Post-scenario: every required component/variable is implemented.
        var missing = RequiredVariables
            .Where(r => !items.Any(i => i.Component.Name == r.Component && i.Variable.Name == r.Variable && i.Variable.Instance == r.Instance))
            .Select(r => $"{r.Component}.{r.Variable}{(r.Instance is null ? "" : $"[{r.Instance}]")}")
            .ToList();
        Assert.True(missing.Count == 0, "missing required variables: " + string.Join(", ", missing));

        foreach (var item in items)
        {
            var name = $"{item.Component.Name}.{item.Variable.Name}";
            var characteristics = item.VariableCharacteristics!;
            foreach (var attribute in item.VariableAttribute)
            {
                if (attribute.Mutability == MutabilityEnumType.WriteOnly)
                {
                    // WriteOnly values are never reported.
                    Assert.True(attribute.Value is null, $"{name} is WriteOnly but reported a value");
                    continue;
                }

                if (characteristics.DataType is DataEnumType.OptionList or DataEnumType.SequenceList or DataEnumType.MemberList
                    && attribute.Value is { Length: > 0 } value)
                {
                    // The value is allowed by the values list.
                    var allowed = characteristics.ValuesList!.Split(',', StringSplitOptions.TrimEntries);
                    var chosen = characteristics.DataType == DataEnumType.OptionList ? [value] : value.Split(',', StringSplitOptions.TrimEntries);
                    Assert.True(chosen.All(allowed.Contains), $"{name} = {value} is not in its valuesList {characteristics.ValuesList}");
                }
            }
        }
    }

    /// <summary>Steps 1 to 4 of B07 with the tool validations every base report shares.</summary>
    private static async Task<IReadOnlyList<ReportDataType>> GetBaseReportAsync(StationUnderTest sut, int requestId, ReportBaseEnumType reportBase)
    {
        // 1-2. GetBaseReportResponse: Accepted, statusInfo absent or NoError.
        var response = await sut.Connection.CallAsync(new GetBaseReportRequest { RequestId = requestId, ReportBase = reportBase }, StationUnderTest.Timeout);
        Assert.Equal(GenericDeviceModelStatusEnumType.Accepted, response.Status);
        Assert.True(response.StatusInfo is null || response.StatusInfo.ReasonCode == "NoError");

        // 3-4. NotifyReportRequest parts: requestId, seqNo from 0, generatedAt (checked by ExpectReportAsync).
        var items = await sut.ExpectReportAsync(requestId);
        Assert.NotEmpty(items);
        Assert.All(items, item =>
        {
            var name = $"{item.Component.Name}.{item.Variable.Name}";
            Assert.True(item.VariableCharacteristics is not null, $"{name} has no variableCharacteristics");

            // OptionList, SequenceList and MemberList come with their valuesList.
            if (item.VariableCharacteristics!.DataType is DataEnumType.OptionList or DataEnumType.SequenceList or DataEnumType.MemberList)
            {
                Assert.False(string.IsNullOrEmpty(item.VariableCharacteristics.ValuesList), $"{name} has no valuesList");
            }
        });
        return items;
    }
}
