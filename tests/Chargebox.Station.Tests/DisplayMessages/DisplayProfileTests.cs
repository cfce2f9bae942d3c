using Chargebox.Station.DeviceModel;
using Chargebox.Station.Profiles;
using Chargebox.Station.Tests.DeviceModel;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.DisplayMessages;

/// <summary>The profile's <c>display</c> section adds DisplayMessageCtrlr with the supported lists and capacity.</summary>
public sealed class DisplayProfileTests
{
    [Fact]
    public void A_display_section_adds_DisplayMessageCtrlr_with_its_lists_and_capacity()
    {
        var result = StationProfileLoader.Load("""
            { "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ],
              "display": { "maxMessages": 5, "formats": ["ASCII"], "priorities": ["InFront", "NormalCycle"], "states": ["Idle"] } }
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var model = DeviceModelFactory.Create(result.Profile!, new FakeDeviceModelStore(), new FakeTimeProvider());
        Assert.Equal("true", Actual(model, "Available"));
        Assert.Equal("true", Actual(model, "Enabled"));
        Assert.Equal("0", Actual(model, "DisplayMessages"));
        Assert.Equal(5m, Variable(model, "DisplayMessages").Characteristics.MaxLimit);
        Assert.Equal("ASCII", Actual(model, "SupportedFormats"));
        Assert.Equal("InFront,NormalCycle", Actual(model, "SupportedPriorities"));
        Assert.Equal("Idle", Actual(model, "SupportedStates"));
    }

    [Fact]
    public void Without_the_section_the_station_has_no_DisplayMessageCtrlr()
    {
        var model = DeviceModelFactory.Create(StationProfile.Reference, new FakeDeviceModelStore(), new FakeTimeProvider());
        Assert.Null(model.FindComponent(new ComponentKey("DisplayMessageCtrlr")));
    }

    [Fact]
    public void Unknown_values_duplicates_empty_lists_and_no_capacity_are_problems_named_by_field()
    {
        var result = StationProfileLoader.Load("""
            { "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ],
              "display": { "maxMessages": 0, "formats": ["RTF"], "priorities": ["InFront", "InFront"], "states": [] } }
            """);

        Assert.False(result.IsValid);
        Assert.Equal(["display.maxMessages", "display.formats[0]", "display.priorities[1]", "display.states"], result.Problems.Select(p => p.Field));
    }

    private static Variable Variable(StationDeviceModel model, string name) =>
        model.Find(new ComponentKey("DisplayMessageCtrlr"), new VariableKey(name))!;

    private static string? Actual(StationDeviceModel model, string name) => Variable(model, name).Actual?.Value;
}
