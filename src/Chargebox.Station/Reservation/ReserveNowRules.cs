using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Reservation;

/// <summary>The answer to a ReserveNowRequest that passed the configuration checks, from the condition of the EVSEs
/// it may take.</summary>
internal static class ReserveNowRules
{
    /// <summary>A specific EVSE (H01 S2): Faulted (H01.FR.12), Unavailable (H01.FR.14), Occupied when in use
    /// (H01.FR.13) or reserved for someone else (H01.FR.11), else Accepted.</summary>
    public static ReserveNowStatusEnumType ForEvse(EvseCondition condition) => condition switch
    {
        EvseCondition.Faulted => ReserveNowStatusEnumType.Faulted,
        EvseCondition.Unavailable => ReserveNowStatusEnumType.Unavailable,
        EvseCondition.Occupied or EvseCondition.Reserved => ReserveNowStatusEnumType.Occupied,
        _ => ReserveNowStatusEnumType.Accepted,
    };

    /// <summary>An unspecified EVSE (H01 S1, S3): accepted while more EVSEs are free than reservations of an
    /// unspecified EVSE already hold (H01.FR.04/07, H01.FR.20); otherwise the reason the EVSEs cannot take it.</summary>
    /// <param name="candidates">The condition of every EVSE that could serve it (with the requested connector type).</param>
    /// <param name="unspecifiedReservations">How many reservations of an unspecified EVSE the station already holds.</param>
    public static ReserveNowStatusEnumType ForAnyEvse(IReadOnlyCollection<EvseCondition> candidates, int unspecifiedReservations)
    {
        var free = candidates.Count(c => c == EvseCondition.Free);
        if (free > unspecifiedReservations)
        {
            return ReserveNowStatusEnumType.Accepted;
        }

        if (candidates.Any(c => c is EvseCondition.Free or EvseCondition.Occupied or EvseCondition.Reserved))
        {
            return ReserveNowStatusEnumType.Occupied;
        }

        return candidates.Count > 0 && candidates.All(c => c == EvseCondition.Faulted)
            ? ReserveNowStatusEnumType.Faulted
            : ReserveNowStatusEnumType.Unavailable;
    }
}
