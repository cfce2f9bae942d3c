using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Provisioning.Reports;
using static Chargebox.Station.Tests.DeviceModel.Requests;

namespace Chargebox.Station.Tests.DeviceModel;

public sealed class ReportTests
{
    private static ReportDataType Item(int i) => new()
    {
        Component = new ComponentType { Name = "C" },
        Variable = new VariableType { Name = $"V{i}" },
        VariableAttribute = [new VariableAttributeType { Value = "x" }],
    };

    [Fact]
    public void Report_of_65_items_with_limit_30_is_sent_in_3_parts()
    {
        var items = Enumerable.Range(0, 65).Select(Item).ToArray();

        var parts = NotifyReportSplitter.Split(7, Now, items, 30);

        Assert.Equal([0, 1, 2], parts.Select(p => p.SeqNo));
        Assert.Equal([true, true, false], parts.Select(p => p.Tbc));
        Assert.Equal([30, 30, 5], parts.Select(p => p.ReportData!.Count));
        Assert.All(parts, p => Assert.Equal(7, p.RequestId));
        Assert.All(parts, p => Assert.Equal(Now, p.GeneratedAt));
        Assert.Equal("V64", parts[2].ReportData![4].Variable.Name);
    }

    [Fact]
    public void Report_that_fits_one_message_is_a_single_part_without_tbc()
    {
        var parts = NotifyReportSplitter.Split(1, Now, [Item(0)], 30);

        var part = Assert.Single(parts);
        Assert.Equal(0, part.SeqNo);
        Assert.False(part.Tbc);
    }

    [Fact]
    public void TC_B_13_FullInventory_reports_every_variable_with_characteristics_and_valid_list_values()
    {
        var decision = ReportBuilder.BaseReport(Model(), ReportBaseEnumType.FullInventory);

        Assert.Equal(GenericDeviceModelStatusEnumType.Accepted, decision.Status);
        Assert.Contains(decision.Items, i => i.Component.Name == "Connector" && i.Component.Evse?.ConnectorId == 1 && i.Variable.Name == "ConnectorType" && i.VariableAttribute[0].Value == "cType1");
        Assert.Contains(decision.Items, i => i.Component.Name == "EVSE" && i.Variable.Name == "Power" && i.VariableCharacteristics!.MaxLimit == 7360);
        Assert.All(decision.Items, i => Assert.NotNull(i.VariableCharacteristics));
        // TC_B_53: list variables carry a values list and a value inside it.
        foreach (var item in decision.Items.Where(i => i.VariableCharacteristics!.DataType is DataEnumType.OptionList or DataEnumType.MemberList or DataEnumType.SequenceList))
        {
            var allowed = item.VariableCharacteristics!.ValuesList!.Split(',');
            Assert.NotEmpty(allowed);
            Assert.All(item.VariableAttribute[0].Value!.Split(',', StringSplitOptions.RemoveEmptyEntries), v => Assert.Contains(v, allowed));
        }
    }

    [Fact]
    public async Task TC_B_53_WriteOnly_values_are_never_reported()
    {
        var model = Model();
        await model.SetAsync(Set("SecurityCtrlr", "BasicAuthPassword", "averysecretpassword1"), CancellationToken.None);

        foreach (var reportBase in new[] { ReportBaseEnumType.FullInventory, ReportBaseEnumType.ConfigurationInventory })
        {
            var item = Assert.Single(ReportBuilder.BaseReport(model, reportBase).Items, i => i.Variable.Name == "BasicAuthPassword");
            Assert.Equal(MutabilityEnumType.WriteOnly, item.VariableAttribute[0].Mutability);
            Assert.Null(item.VariableAttribute[0].Value);
        }
    }

    [Fact]
    public void TC_B_12_ConfigurationInventory_reports_only_writable_attributes()
    {
        var decision = ReportBuilder.BaseReport(Model(), ReportBaseEnumType.ConfigurationInventory);

        Assert.Equal(GenericDeviceModelStatusEnumType.Accepted, decision.Status);
        Assert.All(decision.Items, i => Assert.All(i.VariableAttribute, a => Assert.NotEqual(MutabilityEnumType.ReadOnly, a.Mutability)));
        Assert.Contains(decision.Items, i => i.Variable.Name == "HeartbeatInterval");
        Assert.DoesNotContain(decision.Items, i => i.Variable.Name == "MessageTimeout");
    }

    [Fact]
    public void TC_B_15_SummaryInventory_is_not_supported()
    {
        var decision = ReportBuilder.BaseReport(Model(), ReportBaseEnumType.SummaryInventory);

        Assert.Equal(GenericDeviceModelStatusEnumType.NotSupported, decision.Status);
        Assert.Equal("UnsupportedParam", decision.StatusInfo?.ReasonCode);
        Assert.Empty(decision.Items);
    }

    [Fact]
    public void TC_B_17_component_variable_with_evse_selects_that_variable()
    {
        var selector = new ComponentVariableType
        {
            Component = new ComponentType { Name = "EVSE", Evse = new EVSEType { Id = 1 } },
            Variable = new VariableType { Name = "AvailabilityState" },
        };

        var decision = ReportBuilder.CustomReport(Model(), null, [selector]);

        var item = Assert.Single(decision.Items);
        Assert.Equal(1, item.Component.Evse?.Id);
        Assert.Equal(DataEnumType.OptionList, item.VariableCharacteristics!.DataType);
        Assert.Equal("Available,Occupied,Reserved,Unavailable,Faulted", item.VariableCharacteristics.ValuesList);
        Assert.Equal(MutabilityEnumType.ReadOnly, item.VariableAttribute[0].Mutability);
        Assert.Equal(AttributeEnumType.Actual, item.VariableAttribute[0].Type);
    }

    [Fact]
    public void Component_only_selects_all_its_variables_and_absent_instance_matches_every_instance()
    {
        var model = Model();

        var all = ReportBuilder.CustomReport(model, null, [new ComponentVariableType { Component = new ComponentType { Name = "DeviceDataCtrlr" } }]);
        var items = ReportBuilder.CustomReport(model, null, [new ComponentVariableType { Component = new ComponentType { Name = "DeviceDataCtrlr" }, Variable = new VariableType { Name = "ItemsPerMessage" } }]);
        var one = ReportBuilder.CustomReport(model, null, [new ComponentVariableType { Component = new ComponentType { Name = "DeviceDataCtrlr" }, Variable = new VariableType { Name = "ItemsPerMessage", Instance = "GetReport" } }]);

        Assert.Equal(model.FindComponent(new ComponentKey("DeviceDataCtrlr"))!.Variables.Count, all.Items.Count);
        Assert.Equal(["GetReport", "GetVariables", "SetVariables"], items.Items.Select(i => i.Variable.Instance));
        Assert.Equal("GetReport", Assert.Single(one.Items).Variable.Instance);
    }

    [Fact]
    public void TC_B_18_criteria_Available_matches_the_EVSE_and_Problem_gives_EmptyResultSet()
    {
        var model = Model();
        ComponentVariableType[] selector = [new() { Component = new ComponentType { Name = "EVSE", Evse = new EVSEType { Id = 1 } }, Variable = new VariableType { Name = "AvailabilityState" } }];

        var available = ReportBuilder.CustomReport(model, [ComponentCriterionEnumType.Available], selector);
        var problem = ReportBuilder.CustomReport(model, [ComponentCriterionEnumType.Problem], selector);

        Assert.Equal(GenericDeviceModelStatusEnumType.Accepted, available.Status);
        Assert.Single(available.Items);
        Assert.Equal(GenericDeviceModelStatusEnumType.EmptyResultSet, problem.Status);
        Assert.Equal("NotFound", problem.StatusInfo?.ReasonCode);
    }

    [Fact]
    public void TC_B_16_criteria_Enabled_reports_only_components_whose_Enabled_is_true()
    {
        var decision = ReportBuilder.CustomReport(Model(), [ComponentCriterionEnumType.Enabled], null);

        var components = decision.Items.Select(i => i.Component.Name).Distinct().ToArray();
        Assert.Contains("AuthCtrlr", components);
        Assert.Contains("SampledDataCtrlr", components);
        Assert.DoesNotContain("LocalAuthListCtrlr", components); // Enabled is false
        Assert.DoesNotContain("OCPPCommCtrlr", components); // has no Enabled variable
    }
}
