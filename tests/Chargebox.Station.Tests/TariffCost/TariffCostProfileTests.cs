using Chargebox.Station.DeviceModel;
using Chargebox.Station.Profiles;
using Chargebox.Station.Tests.DeviceModel;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.TariffCost;

/// <summary>The profile's <c>tariffCost</c> flag adds TariffCostCtrlr (Part 2 appendix 3.1.17) and needs a display.</summary>
public sealed class TariffCostProfileTests
{
    [Fact]
    public void TariffCost_with_a_display_adds_TariffCostCtrlr_with_the_Tariff_and_Cost_instances()
    {
        var result = StationProfileLoader.Load("""
            { "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ],
              "display": { "maxMessages": 5 }, "tariffCost": true }
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var model = DeviceModelFactory.Create(result.Profile!, new FakeDeviceModelStore(), new FakeTimeProvider());
        Assert.Equal("true", Actual(model, "Available", "Tariff"));
        Assert.Equal("true", Actual(model, "Available", "Cost"));
        Assert.Equal("true", Actual(model, "Enabled", "Tariff"));
        Assert.Equal("true", Actual(model, "Enabled", "Cost"));
        Assert.Equal("EUR", Actual(model, "Currency"));
        Assert.Equal("", Actual(model, "TariffFallbackMessage"));
        Assert.Equal("", Actual(model, "TotalCostFallbackMessage"));
        Assert.True(Variable(model, "Available", "Cost").Attributes.First().Constant);
    }

    [Fact]
    public void Without_the_flag_the_station_has_no_TariffCostCtrlr()
    {
        var profile = StationProfile.Reference;
        profile.Display = new DisplayProfile();
        var model = DeviceModelFactory.Create(profile, new FakeDeviceModelStore(), new FakeTimeProvider());
        Assert.Null(model.FindComponent(new ComponentKey("TariffCostCtrlr")));
    }

    [Fact]
    public void TariffCost_without_a_display_is_a_problem()
    {
        var result = StationProfileLoader.Load("""
            { "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ], "tariffCost": true }
            """);

        Assert.False(result.IsValid);
        Assert.Equal(["tariffCost"], result.Problems.Select(p => p.Field));
    }

    private static Variable Variable(StationDeviceModel model, string name, string? instance = null) =>
        model.Find(new ComponentKey("TariffCostCtrlr"), new VariableKey(name, instance))!;

    private static string? Actual(StationDeviceModel model, string name, string? instance = null) => Variable(model, name, instance).Actual?.Value;
}
