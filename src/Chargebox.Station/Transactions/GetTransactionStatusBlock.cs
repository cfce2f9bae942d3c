using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.Transactions;

/// <summary>GetTransactionStatus (E14): whether a transaction still runs and whether its events (or any,
/// without an id) still wait in the delivery queue.</summary>
internal sealed class GetTransactionStatusBlock
{
    private readonly TransactionBlock _transactions;

    public GetTransactionStatusBlock(StationServices services, TransactionBlock transactions)
    {
        _transactions = transactions;
        services.Router.On<GetTransactionStatusRequest, GetTransactionStatusResponse>(GetStatus);
    }

    private GetTransactionStatusResponse GetStatus(GetTransactionStatusRequest request) => new()
    {
        // E14.FR.xx: ongoingIndicator only answers a question about one transaction.
        OngoingIndicator = request.TransactionId is { } id ? _transactions.HasTransaction(id) : null,
        MessagesInQueue = _transactions.Queue.HasPending(request.TransactionId),
    };
}
