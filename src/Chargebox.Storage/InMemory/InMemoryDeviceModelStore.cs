using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryDeviceModelStore(InMemoryState state) : IDeviceModelStore
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(_values, StringComparer.Ordinal));
        }
    }

    public ValueTask SaveAsync(string key, string value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _values[key] = value;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _values.Remove(key);
        }

        return ValueTask.CompletedTask;
    }
}
