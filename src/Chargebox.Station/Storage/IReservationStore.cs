namespace Chargebox.Station.Storage;

/// <summary>A reservation the station accepted (H01) and that has not yet been used, cancelled or expired.</summary>
/// <param name="Id">The ReserveNowRequest's id.</param>
/// <param name="ExpiryDateTime">When the reservation ends unused (H04).</param>
/// <param name="IdToken">idToken.idToken of the driver it is for.</param>
/// <param name="IdTokenType">idToken.type, as on the wire (e.g. <c>ISO14443</c>).</param>
/// <param name="GroupIdToken">groupIdToken.idToken, if given: any token of this group may use it (H03.FR.04).</param>
/// <param name="GroupIdTokenType">groupIdToken.type, as on the wire.</param>
/// <param name="EvseId">The EVSE reserved; null for a reservation of an unspecified EVSE (H01.FR.04).</param>
/// <param name="ConnectorType">connectorType as on the wire, if given (H01.FR.06).</param>
public sealed record StoredReservation(
    int Id,
    DateTimeOffset ExpiryDateTime,
    string IdToken,
    string IdTokenType,
    string? GroupIdToken,
    string? GroupIdTokenType,
    int? EvseId,
    string? ConnectorType);

/// <summary>The station's reservations, kept across reboots so a power cut does not free a reserved EVSE.</summary>
public interface IReservationStore
{
    /// <summary>Every reservation saved and not removed, in no particular order.</summary>
    ValueTask<IReadOnlyList<StoredReservation>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the reservation or replaces the one with the same id (H01.FR.02).</summary>
    ValueTask SaveAsync(StoredReservation reservation, CancellationToken cancellationToken);

    /// <summary>Removes a reservation that was used, cancelled or expired; removing an unknown id does nothing.</summary>
    ValueTask RemoveAsync(int reservationId, CancellationToken cancellationToken);
}
