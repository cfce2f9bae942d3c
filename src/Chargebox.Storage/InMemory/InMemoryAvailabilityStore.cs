using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryAvailabilityStore(InMemoryState state) : IAvailabilityStore
{
    private readonly Dictionary<AvailabilityScope, bool> _settings = [];

    public ValueTask<IReadOnlyDictionary<AvailabilityScope, bool>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyDictionary<AvailabilityScope, bool>>(new Dictionary<AvailabilityScope, bool>(_settings));
        }
    }

    public ValueTask SaveAsync(AvailabilityScope scope, bool operative, CancellationToken cancellationToken)
    {
        AvailabilityScopeRules.Validate(scope);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _settings[scope] = operative;
        }

        return ValueTask.CompletedTask;
    }
}
