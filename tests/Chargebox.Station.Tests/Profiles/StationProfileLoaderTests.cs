using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Profiles;
using Chargebox.Station.Tests.DeviceModel;
using static Chargebox.Station.Tests.DeviceModel.Requests;

namespace Chargebox.Station.Tests.Profiles;

public sealed class StationProfileLoaderTests
{
    private static string SamplePath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "docs", "samples", "station-2evse-dc.json");

    private const string OneEvse = """
        { "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ] }
        """;

    [Fact]
    public void The_default_profile_is_the_reference_station()
    {
        Assert.Empty(StationProfileLoader.Validate(StationProfile.Reference));
        var model = Model();

        Assert.Equal("cType1", model.Get(new GetVariableDataType { Component = new ComponentType { Name = "Connector", Evse = new EVSEType { Id = 1, ConnectorId = 1 } }, Variable = new VariableType { Name = "ConnectorType" } }).AttributeValue);
        Assert.Equal("1", model.Get(Get("ChargingStation", "SupplyPhases")).AttributeValue);
        Assert.False(model.OcppComm.UnlockOnEVSideDisconnect);
        Assert.Equal(3, model.Components.Count(c => c.Key.Name is "EVSE" or "Connector" or "ChargingStation"));
    }

    [Fact]
    public async Task A_two_EVSE_DC_and_three_phase_profile_builds_its_components()
    {
        var result = await StationProfileLoader.LoadFileAsync(SamplePath(), CancellationToken.None);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var model = DeviceModelFactory.Create(result.Profile!, new FakeDeviceModelStore(), TimeProvider.System);
        var dcPower = model.Find(ComponentKey.Evse(1), new VariableKey("Power"))!;
        Assert.Equal(150000m, dcPower.Characteristics.MaxLimit);
        Assert.Equal("0", model.Get(Get("EVSE", "SupplyPhases", evseId: 1)).AttributeValue);
        Assert.Equal(22080m, model.Find(ComponentKey.Evse(2), new VariableKey("Power"))!.Characteristics.MaxLimit);
        Assert.Equal("3", model.Get(Get("ChargingStation", "SupplyPhases")).AttributeValue);
        Assert.NotNull(model.FindComponent(ComponentKey.Connector(2, 1)));
        Assert.True(model.OcppComm.UnlockOnEVSideDisconnect);
        Assert.Equal(TimeSpan.FromSeconds(120), model.OcppComm.HeartbeatInterval);
        Assert.Equal(3, model.Security.SecurityProfile);
        Assert.Equal("CB-DC-150", model.Get(Get("ChargingStation", "Model")).AttributeValue);
    }

    [Fact]
    public void A_minimal_profile_uses_the_defaults()
    {
        var result = StationProfileLoader.Load(OneEvse);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(7360m, result.Profile!.Evses[0].EffectiveMaxPower);
    }

    [Theory]
    [InlineData("""{ "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType9" } ] } ] }""", "evses[0].connectors[0].type", "unknown connector type 'cType9'")]
    [InlineData("""{ "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] }, { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ] }""", "evses[1].id", "duplicate EVSE id 1")]
    [InlineData("""{ "evses": [ { "id": 2, "connectors": [ { "id": 1, "type": "cType1" } ] } ] }""", "evses[0].id", "out of sequence")]
    [InlineData("""{ "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" }, { "id": 3, "type": "cType1" } ] } ] }""", "evses[0].connectors[1].id", "out of sequence")]
    [InlineData("""{ "evses": [ { "id": 1, "currentType": "DC", "connectors": [ { "id": 1, "type": "cCCS2" } ] } ] }""", "evses[0].maxPower", "needs maxPower")]
    [InlineData("""{ "evses": [ { "id": 1, "phases": 4, "connectors": [ { "id": 1, "type": "cType1" } ] } ] }""", "evses[0].phases", "4 phases")]
    [InlineData("""{ "evses": [] }""", "evses", "at least one EVSE")]
    [InlineData("""{ "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ], "variables": [ { "component": "OCPPCommCtrlr", "variable": "HeartbeatInterval", "value": "abc" } ] }""", "variables[0].value", "is not an integer")]
    [InlineData("""{ "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ], "variables": [ { "component": "OCPPCommCtrlr", "variable": "Nonsense", "value": "1" } ] }""", "variables[0].variable", "unknown variable 'Nonsense'")]
    [InlineData("""{ "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ], "variables": [ { "component": "NoCtrlr", "variable": "Enabled", "value": "true" } ] }""", "variables[0].component", "unknown component 'NoCtrlr'")]
    [InlineData("""{ "evses": [ { "id": 1, "conectors": [] } ] }""", "$.evses[0].conectors", "not valid profile JSON")]
    public void Each_problem_names_its_field(string json, string field, string message)
    {
        var result = StationProfileLoader.Load(json);

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems, p => p.Field == field);
        Assert.Contains(message, problem.Message);
    }
}
