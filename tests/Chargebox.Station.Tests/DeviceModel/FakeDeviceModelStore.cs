using Chargebox.Station.Storage;

namespace Chargebox.Station.Tests.DeviceModel;

/// <summary>An in-memory device-model store that records what was saved.</summary>
internal sealed class FakeDeviceModelStore : IDeviceModelStore
{
    public Dictionary<string, string> Values { get; } = [];

    public ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(Values));

    public ValueTask SaveAsync(string key, string value, CancellationToken cancellationToken)
    {
        Values[key] = value;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        Values.Remove(key);
        return ValueTask.CompletedTask;
    }
}
