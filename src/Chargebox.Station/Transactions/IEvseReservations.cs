using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Transactions;

/// <summary>What the transaction block asks of the reservations (H03) when a driver is authorized on an EVSE.</summary>
internal interface IEvseReservations
{
    /// <summary>Whether <paramref name="token"/> (of <paramref name="groupIdToken"/>, if known) may start on the EVSE:
    /// a reserved EVSE only for its own token or group (H03.FR.01/04), and an unreserved one only while enough EVSEs
    /// stay free for the reservations of an unspecified EVSE (H01.FR.20).</summary>
    bool MayStart(int evseId, IdTokenType token, IdTokenType? groupIdToken);

    /// <summary>Ends the reservation the token uses on the EVSE, if any, and returns its id for the TransactionEvent
    /// (H03.FR.09).</summary>
    ValueTask<int?> UseAsync(int evseId, IdTokenType token, IdTokenType? groupIdToken, CancellationToken cancellationToken);
}
