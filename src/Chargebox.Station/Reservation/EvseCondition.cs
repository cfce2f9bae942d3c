namespace Chargebox.Station.Reservation;

/// <summary>How an EVSE stands for a new reservation, most binding first.</summary>
internal enum EvseCondition
{
    /// <summary>Every connector is Faulted.</summary>
    Faulted,

    /// <summary>Inoperative (ChangeAvailability, a pending firmware update) or only faulted connectors left.</summary>
    Unavailable,

    /// <summary>A cable, a driver or a transaction holds it.</summary>
    Occupied,

    /// <summary>A reservation for this EVSE holds it.</summary>
    Reserved,

    /// <summary>Nothing holds it.</summary>
    Free,
}
