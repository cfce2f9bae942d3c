using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

// The profile type is immutable (init-only all the way down), so keeping the caller's instance is safe.
internal sealed class InMemoryNetworkProfileStore(InMemoryState state) : INetworkProfileStore
{
    private readonly Dictionary<int, NetworkConnectionProfileType> _profiles = [];

    public ValueTask<IReadOnlyDictionary<int, NetworkConnectionProfileType>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyDictionary<int, NetworkConnectionProfileType>>(new Dictionary<int, NetworkConnectionProfileType>(_profiles));
        }
    }

    public ValueTask SaveAsync(int configurationSlot, NetworkConnectionProfileType profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _profiles[configurationSlot] = profile;
        }

        return ValueTask.CompletedTask;
    }
}
