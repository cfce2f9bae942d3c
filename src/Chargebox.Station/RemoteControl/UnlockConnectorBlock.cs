using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Chargebox.Station.Transactions;

namespace Chargebox.Station.RemoteControl;

/// <summary>UnlockConnector (F05): releases the cable of a socket so a stuck cable can be removed. Never
/// while a transaction runs on the EVSE (F05.FR.02); a fixed cable has no lock, so unlocking fails.</summary>
internal sealed class UnlockConnectorBlock
{
    private readonly StationServices _services;
    private readonly TransactionBlock _transactions;

    public UnlockConnectorBlock(StationServices services, TransactionBlock transactions)
    {
        _services = services;
        _transactions = transactions;
        services.Router.On<UnlockConnectorRequest, UnlockConnectorResponse>(UnlockAsync);
    }

    private async ValueTask<UnlockConnectorResponse> UnlockAsync(UnlockConnectorRequest request, CancellationToken cancellationToken)
    {
        var connector = _services.Hardware.FindEvse(request.EvseId)?.Connectors.FirstOrDefault(c => c.ConnectorId == request.ConnectorId);
        if (connector is null)
        {
            return Answer(UnlockStatusEnumType.UnknownConnector, "UnknownConnector", $"No connector {request.ConnectorId} on EVSE {request.EvseId}.");
        }

        if (_transactions.IsInUse(request.EvseId))
        {
            return Answer(UnlockStatusEnumType.OngoingAuthorizedTransaction, "TxInProgress", "A transaction runs on this EVSE; stop it first.");
        }

        if (connector.Lock is not { } connectorLock)
        {
            return Answer(UnlockStatusEnumType.UnlockFailed, "NoLock", "The connector has a fixed cable without a lock.");
        }

        var result = await connectorLock.UnlockAsync(cancellationToken).ConfigureAwait(false);
        return result == Hardware.LockResult.Unlocked
            ? new UnlockConnectorResponse { Status = UnlockStatusEnumType.Unlocked }
            : Answer(UnlockStatusEnumType.UnlockFailed, "LockFailure", "The lock did not open.");
    }

    private static UnlockConnectorResponse Answer(UnlockStatusEnumType status, string reason, string info) => new()
    {
        Status = status,
        StatusInfo = new StatusInfoType { ReasonCode = reason, AdditionalInfo = info },
    };
}
