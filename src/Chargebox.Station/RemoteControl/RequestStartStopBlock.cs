using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Chargebox.Station.Transactions;

namespace Chargebox.Station.RemoteControl;

/// <summary>RequestStartTransaction (F01, F02) and RequestStopTransaction (F03): the handler answers at
/// once and the transaction block acts after the answer has gone out, so the TransactionEvent follows the
/// response as the specification's sequence shows.</summary>
internal sealed class RequestStartStopBlock
{
    private readonly StationServices _services;
    private readonly TransactionBlock _transactions;

    public RequestStartStopBlock(StationServices services, TransactionBlock transactions)
    {
        _services = services;
        _transactions = transactions;
        services.Router.On<RequestStartTransactionRequest, RequestStartTransactionResponse>(RequestStart);
        services.Router.On<RequestStopTransactionRequest, RequestStopTransactionResponse>(RequestStop);
    }

    private RequestStartTransactionResponse RequestStart(RequestStartTransactionRequest request)
    {
        // B02.FR.xx: while the registration is Pending the station starts no transaction for the CSMS.
        if (_services.Registration != RegistrationStatusEnumType.Accepted)
        {
            return Rejected("NotRegistered", "The CSMS has not accepted this station's BootNotification.");
        }

        if (request.EvseId is { } requested && _services.Hardware.FindEvse(requested) is null)
        {
            return Rejected("UnknownEvse", $"No EVSE {requested} at this station.");
        }

        if (_transactions.ChooseEvseForRemoteStart(request.EvseId, request.IdToken) is not { } evseId)
        {
            return Rejected("EvseUnavailable", request.EvseId is { } id
                ? $"EVSE {id} is unavailable, faulted or already in use."
                : "No EVSE is available.");
        }

        var token = request.IdToken;
        var remoteStartId = request.RemoteStartId;
        _services.Router.AfterAnswer(() => _services.Inbox.Post(ct => _transactions.StartRemotelyAsync(evseId, token, remoteStartId, ct)));
        return new RequestStartTransactionResponse
        {
            Status = RequestStartStopStatusEnumType.Accepted,

            // F01.FR.xx: when a transaction already runs on the EVSE (started on EVConnected), its id is given.
            TransactionId = _transactions.TransactionIdOn(evseId),
        };
    }

    private RequestStopTransactionResponse RequestStop(RequestStopTransactionRequest request)
    {
        if (!_transactions.HasTransaction(request.TransactionId))
        {
            return new RequestStopTransactionResponse
            {
                Status = RequestStartStopStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = "UnknownTransaction", AdditionalInfo = $"No transaction {request.TransactionId} runs here." },
            };
        }

        var transactionId = request.TransactionId;
        _services.Router.AfterAnswer(() => _services.Inbox.Post(ct => _transactions.StopRemotelyAsync(transactionId, ct)));
        return new RequestStopTransactionResponse { Status = RequestStartStopStatusEnumType.Accepted };
    }

    private static RequestStartTransactionResponse Rejected(string reason, string info) => new()
    {
        Status = RequestStartStopStatusEnumType.Rejected,
        StatusInfo = new StatusInfoType { ReasonCode = reason, AdditionalInfo = info },
    };
}
