using Chargebox.Station.DeviceModel;
using Chargebox.Station.Profiles;
using Chargebox.Station.Tests.DeviceModel;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Profiles;

/// <summary>The profile's <c>localAuthList</c> section turns the Local Authorization List on and sets its limits.</summary>
public sealed class LocalAuthListProfileTests
{
    [Fact]
    public void A_localAuthList_section_makes_the_list_available_enabled_and_writable_with_its_limits()
    {
        var result = StationProfileLoader.Load("""
            { "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ],
              "localAuthList": { "entries": 500, "itemsPerMessage": 50, "bytesPerMessage": 8192 } }
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var model = DeviceModelFactory.Create(result.Profile!, new FakeDeviceModelStore(), new FakeTimeProvider());
        Assert.Equal("true", Actual(model, "Available"));
        Assert.Equal("true", Actual(model, "Enabled"));
        Assert.Equal(Protocol.Messages.MutabilityEnumType.ReadWrite, Variable(model, "Enabled").Actual!.Mutability);
        Assert.Equal(500m, Variable(model, "Entries").Characteristics.MaxLimit);
        Assert.Equal("50", Actual(model, "ItemsPerMessage"));
        Assert.Equal("8192", Actual(model, "BytesPerMessage"));
        Assert.Equal("false", Actual(model, "DisablePostAuthorize"));
    }

    [Fact]
    public void Without_the_section_the_station_has_no_list_and_the_CSMS_cannot_enable_one()
    {
        var model = DeviceModelFactory.Create(StationProfile.Reference, new FakeDeviceModelStore(), new FakeTimeProvider());
        Assert.Equal("false", Actual(model, "Available"));
        Assert.Equal("false", Actual(model, "Enabled"));
        Assert.Equal(Protocol.Messages.MutabilityEnumType.ReadOnly, Variable(model, "Enabled").Actual!.Mutability);
    }

    [Fact]
    public void Limits_below_their_minimum_are_problems_named_by_field()
    {
        var result = StationProfileLoader.Load("""
            { "evses": [ { "id": 1, "connectors": [ { "id": 1, "type": "cType1" } ] } ],
              "localAuthList": { "entries": 0, "itemsPerMessage": 0, "bytesPerMessage": 10 } }
            """);

        Assert.False(result.IsValid);
        Assert.Equal(["localAuthList.entries", "localAuthList.itemsPerMessage", "localAuthList.bytesPerMessage"], result.Problems.Select(p => p.Field));
    }

    private static Variable Variable(StationDeviceModel model, string name) =>
        model.Find(new ComponentKey("LocalAuthListCtrlr"), new VariableKey(name))!;

    private static string? Actual(StationDeviceModel model, string name) => Variable(model, name).Actual?.Value;
}
