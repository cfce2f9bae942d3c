using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryFirmwareUpdateStore(InMemoryState state) : IFirmwareUpdateStore
{
    private StoredFirmwareUpdate? _update;

    public ValueTask<StoredFirmwareUpdate?> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult(_update);
        }
    }

    public ValueTask SaveAsync(StoredFirmwareUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _update = update;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _update = null;
        }

        return ValueTask.CompletedTask;
    }
}
