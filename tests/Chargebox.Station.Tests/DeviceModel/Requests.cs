using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.DeviceModel;

/// <summary>Builds device models and requests the way the certification test cases write them.</summary>
internal static class Requests
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static StationDeviceModel Model(FakeDeviceModelStore? store = null, StationProfile? profile = null) =>
        DeviceModelFactory.Create(profile ?? StationProfile.Reference, store ?? new FakeDeviceModelStore(), new FakeTimeProvider(Now));

    public static GetVariableDataType Get(string component, string variable, AttributeEnumType? type = null, string? instance = null, int? evseId = null) => new()
    {
        Component = new ComponentType { Name = component, Evse = evseId is { } id ? new EVSEType { Id = id } : null },
        Variable = new VariableType { Name = variable, Instance = instance },
        AttributeType = type,
    };

    public static SetVariableDataType Set(string component, string variable, string value, AttributeEnumType? type = null, string? instance = null) => new()
    {
        Component = new ComponentType { Name = component },
        Variable = new VariableType { Name = variable, Instance = instance },
        AttributeValue = value,
        AttributeType = type,
    };
}
