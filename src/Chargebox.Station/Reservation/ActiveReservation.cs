using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Reservation;

/// <summary>A reservation the station holds (H01): for one EVSE or, without <see cref="EvseId"/>, for any EVSE
/// (with a connector of <see cref="ConnectorType"/>, when given).</summary>
internal sealed record ActiveReservation(
    int Id,
    DateTimeOffset ExpiryDateTime,
    IdTokenType IdToken,
    IdTokenType? GroupIdToken,
    int? EvseId,
    string? ConnectorType)
{
    public static ActiveReservation From(ReserveNowRequest request) => new(
        request.Id,
        request.ExpiryDateTime,
        request.IdToken,
        request.GroupIdToken,
        request.EvseId,
        request.ConnectorType?.ToWireString());

    /// <summary>The stored form; null when a stored token type is not one this version knows (the row is dropped).</summary>
    public static ActiveReservation? From(StoredReservation stored)
    {
        if (!IdTokenEnumTypeWire.TryParse(stored.IdTokenType, out var type))
        {
            return null;
        }

        IdTokenType? group = null;
        if (stored.GroupIdToken is { } groupId)
        {
            if (!IdTokenEnumTypeWire.TryParse(stored.GroupIdTokenType, out var groupType))
            {
                return null;
            }

            group = new IdTokenType { IdToken = groupId, Type = groupType };
        }

        return new ActiveReservation(stored.Id, stored.ExpiryDateTime, new IdTokenType { IdToken = stored.IdToken, Type = type }, group, stored.EvseId, stored.ConnectorType);
    }

    public StoredReservation ToStored() => new(
        Id,
        ExpiryDateTime,
        IdToken.IdToken,
        IdToken.Type.ToWireString(),
        GroupIdToken?.IdToken,
        GroupIdToken?.Type.ToWireString(),
        EvseId,
        ConnectorType);

    /// <summary>H03.FR.01/03: the reserved token itself; H03.FR.04/06: any token whose group is the reservation's
    /// groupIdToken (the group comes from the authorization of the presented token).</summary>
    public bool IsFor(IdTokenType token, IdTokenType? groupIdToken) =>
        Same(IdToken, token) || (GroupIdToken is { } group && groupIdToken is not null && Same(group, groupIdToken));

    // idToken is case-insensitive (Part 2, IdTokenType); the type must match too.
    private static bool Same(IdTokenType a, IdTokenType b) =>
        a.Type == b.Type && string.Equals(a.IdToken, b.IdToken, StringComparison.OrdinalIgnoreCase);
}
