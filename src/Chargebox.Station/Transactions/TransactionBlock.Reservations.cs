using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Transactions;

// Functional block H as the transactions see it: a reserved EVSE starts only for its reservation's token or group,
// and the transaction that uses a reservation names it (H03).
internal sealed partial class TransactionBlock
{
    /// <summary>The station's reservations; null when its profile takes none.</summary>
    public IEvseReservations? Reservations { get; set; }

    /// <summary>Whether a driver is authorized on the EVSE (a reservation cannot take it: H01.FR.13).</summary>
    public bool HasDriver(int evseId) => Find(evseId) is { Authorized: true };

    /// <summary>As <see cref="ChooseEvseForRemoteStart(int?)"/>, and the EVSE must not be reserved for another
    /// driver (H03.FR.01, TC_H_02_CS Main B: RequestStartTransaction for another token is Rejected).</summary>
    public int? ChooseEvseForRemoteStart(int? evseId, IdTokenType token)
    {
        var candidates = evseId is { } id ? _sessions.Where(s => s.EvseId == id) : _sessions;
        return candidates.FirstOrDefault(s => !s.Authorized && _availability.IsEvseAvailableForCharging(s.EvseId)
            && ReservationAllows(s, token, null))?.EvseId;
    }

    private bool ReservationAllows(EvseSession session, IdTokenType token, IdTokenType? groupIdToken) =>
        Reservations?.MayStart(session.EvseId, token, groupIdToken) ?? true;

    private async ValueTask UseReservationAsync(EvseSession session, IdTokenType token, IdTokenType? groupIdToken, CancellationToken cancellationToken)
    {
        if (Reservations is { } reservations
            && await reservations.UseAsync(session.EvseId, token, groupIdToken, cancellationToken).ConfigureAwait(false) is { } reservationId)
        {
            session.ReservationId = reservationId;
        }
    }
}
