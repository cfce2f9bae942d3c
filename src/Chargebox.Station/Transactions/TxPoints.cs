namespace Chargebox.Station.Transactions;

/// <summary>TxStartPoint and TxStopPoint (E01, E06, Part 2 TxCtrlr): which conditions of an EVSE session
/// start a transaction and which, when they no longer hold, end it.</summary>
internal static class TxPoints
{
    public const string EVConnected = "EVConnected";
    public const string Authorized = "Authorized";
    public const string PowerPathClosed = "PowerPathClosed";
    public const string EnergyTransfer = "EnergyTransfer";

    /// <summary>E01.FR.xx: a transaction starts at the first configured start point that is reached.
    /// ParkingBayOccupancy and DataSigned need hardware this station does not have.</summary>
    public static bool StartReached(IReadOnlySet<string> startPoints, EvseSession session) =>
        (startPoints.Contains(EVConnected) && session.EvConnected)
        || (startPoints.Contains(Authorized) && session.Authorized)
        || (startPoints.Contains(PowerPathClosed) && session.EvConnected && session.Authorized)
        || (startPoints.Contains(EnergyTransfer) && session.EvConnected && session.Authorized && session.EvDemanding);

    /// <summary>E06.FR.xx: the transaction ends as soon as one configured stop point no longer holds. Authorized
    /// stops holding when the driver's authorization is withdrawn (stop token, RequestStop, timeout, invalid id),
    /// not merely because a transaction started on EVConnected has no token yet.</summary>
    public static bool StopReached(IReadOnlySet<string> stopPoints, EvseSession session) =>
        (stopPoints.Contains(EVConnected) && !session.EvConnected)
        || (stopPoints.Contains(Authorized) && session.Deauthorized)
        || (stopPoints.Contains(PowerPathClosed) && (!session.EvConnected || session.Deauthorized))
        || (stopPoints.Contains(EnergyTransfer) && (!session.EvConnected || session.Deauthorized || !session.EvDemanding));
}
