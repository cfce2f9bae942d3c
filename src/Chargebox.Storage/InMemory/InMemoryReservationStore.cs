using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryReservationStore(InMemoryState state) : IReservationStore
{
    private readonly Dictionary<int, StoredReservation> _reservations = [];

    public ValueTask<IReadOnlyList<StoredReservation>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyList<StoredReservation>>([.. _reservations.Values]);
        }
    }

    public ValueTask SaveAsync(StoredReservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _reservations[reservation.Id] = reservation;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(int reservationId, CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _reservations.Remove(reservationId);
        }

        return ValueTask.CompletedTask;
    }
}
