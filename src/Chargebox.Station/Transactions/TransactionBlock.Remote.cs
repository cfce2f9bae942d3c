using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Transactions;

// What the CSMS asks of transactions: remote start and stop (F01-F03), triggered events (F06).
internal sealed partial class TransactionBlock
{
    /// <summary>The EVSE a RequestStartTransaction would charge on, or null when none may (F01.FR.xx):
    /// the requested one, else the first free one; occupied by a driver, faulted or Inoperative → none.</summary>
    public int? ChooseEvseForRemoteStart(int? evseId)
    {
        var candidates = evseId is { } id ? _sessions.Where(s => s.EvseId == id) : _sessions;
        return candidates.FirstOrDefault(s => !s.Authorized && _availability.IsEvseAvailableForCharging(s.EvseId))?.EvseId;
    }

    /// <summary>The transaction already running on the EVSE (started on EVConnected before any token).</summary>
    public string? TransactionIdOn(int evseId) => Find(evseId)?.Transaction?.Id;

    /// <summary>F01/F02: authorizes the driver remotely on <paramref name="evseId"/>; with AuthorizeRemoteStart
    /// the token is first checked like a local one (F01.FR.xx), else it is trusted.</summary>
    public async ValueTask StartRemotelyAsync(int evseId, IdTokenType token, int remoteStartId, CancellationToken cancellationToken)
    {
        if (Find(evseId) is not { } session)
        {
            return;
        }

        session.RemoteStartId = remoteStartId;
        if (_services.DeviceModel.Auth.AuthorizeRemoteStart)
        {
            await _authorization.AuthorizeAsync(
                token,
                (info, ct) => OnAuthorizationDecidedAsync(session, token, info, TriggerReasonEnumType.RemoteStart, ct),
                cancellationToken).ConfigureAwait(false);
            return;
        }

        await OnAuthorizationDecidedAsync(session, token, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, TriggerReasonEnumType.RemoteStart, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a transaction with this id runs here (F03.FR.xx: unknown → Rejected).</summary>
    public bool HasTransaction(string transactionId) => _sessions.Exists(s => s.Transaction?.Id == transactionId);

    /// <summary>F03: the CSMS ends a transaction: energy stops and the transaction ends as TxStopPoint says.</summary>
    public async ValueTask StopRemotelyAsync(string transactionId, CancellationToken cancellationToken)
    {
        if (_sessions.Find(s => s.Transaction?.Id == transactionId) is not { } session)
        {
            return;
        }

        session.Authorized = false;
        session.Deauthorized = true;
        session.StopReason ??= ReasonEnumType.Remote;
        if (TxPoints.StopReached(_services.DeviceModel.Tx.TxStopPoint, session))
        {
            await EndAsync(session, TriggerReasonEnumType.RemoteStop, ReasonEnumType.Remote, cancellationToken).ConfigureAwait(false);
            return;
        }

        await OpenRelayAsync(session, cancellationToken).ConfigureAwait(false);
        await SendAsync(session, TransactionEventEnumType.Updated, TriggerReasonEnumType.RemoteStop, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The EVSEs with a transaction, within <paramref name="evseId"/> (null or 0: all).</summary>
    public IReadOnlyList<int> EvsesWithTransaction(int? evseId) =>
        _sessions.Where(s => s.Transaction is not null && (evseId is null or 0 || s.EvseId == evseId)).Select(s => s.EvseId).ToList();

    /// <summary>F06.FR.xx: TriggerMessage TransactionEvent: an Updated event with triggerReason Trigger.</summary>
    public async ValueTask SendTriggeredAsync(int evseId, CancellationToken cancellationToken)
    {
        if (Find(evseId) is not { Transaction: not null } session)
        {
            return;
        }

        var sample = await SampleAsync(session, _services.DeviceModel.SampledData.TxUpdatedMeasurands, ReadingContextEnumType.Trigger, cancellationToken).ConfigureAwait(false);
        await SendAsync(session, TransactionEventEnumType.Updated, TriggerReasonEnumType.Trigger, sample, null, cancellationToken).ConfigureAwait(false);
    }
}
