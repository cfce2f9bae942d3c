using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;
using Chargebox.Station.Availability;
using Chargebox.Station.MeterValues;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Transactions;

/// <summary>Functional block E: turns what the driver and the EV do (cable, token, demand) into
/// transactions, following TxStartPoint and TxStopPoint (E01-E07, E09-E11), drives the relay, and reports
/// every step as a TransactionEvent through the persistent <see cref="TransactionEventQueue"/>. All methods
/// run on the station's loop.</summary>
internal sealed partial class TransactionBlock : IDisposable
{
    private readonly StationServices _services;
    private readonly AuthorizationBlock _authorization;
    private readonly AvailabilityBlock _availability;
    private readonly Random _random;
    private readonly ILogger _logger;
    private readonly List<EvseSession> _sessions = [];
    private readonly Dictionary<int, StationTimer> _meterTimers = [];
    private readonly Dictionary<int, StationTimer> _connectionTimers = [];
    private readonly TransactionMeterValues _meterValues;
    private readonly AlignedMeterValues _alignedMeterValues;
    private readonly List<Func<CancellationToken, ValueTask>> _transactionEnded = [];
    private readonly List<Func<TransactionEventRequest, TransactionEventResponse, CancellationToken, ValueTask>> _eventAnswered = [];

    public TransactionBlock(StationServices services, StationProfile profile, AuthorizationBlock authorization, AvailabilityBlock availability, TransactionEventQueue queue, Random random)
    {
        _services = services;
        _authorization = authorization;
        _availability = availability;
        _random = random;
        Queue = queue;
        _logger = services.LoggerFactory.CreateLogger<TransactionBlock>();
        foreach (var evse in services.Hardware.Evses)
        {
            var evseProfile = profile.Evses.FirstOrDefault(e => e.Id == evse.EvseId);
            var session = new EvseSession(evse.EvseId, evseProfile?.SupplyPhases ?? 1, evseProfile?.MaxCurrent ?? 32m);
            var plugged = evse.Connectors.FirstOrDefault(c => c.IsCableConnected);
            session.EvConnected = plugged is not null;
            session.RelayClosed = evse.Relay.IsClosed;
            session.ConnectorId = plugged?.ConnectorId ?? evse.Connectors.FirstOrDefault()?.ConnectorId ?? 1;
            _sessions.Add(session);
            var id = evse.EvseId;
            _meterTimers[id] = new StationTimer(services.Inbox, services.Clock.Inner, ct => OnMeterIntervalAsync(id, ct));
            _connectionTimers[id] = new StationTimer(services.Inbox, services.Clock.Inner, ct => OnEVConnectionTimeOutAsync(id, ct));
        }

        queue.Answered = OnTransactionEventAnsweredAsync;
        queue.Sent += OnTransactionEventSent;
        _meterValues = new TransactionMeterValues(services);
        _alignedMeterValues = new AlignedMeterValues(services, _meterValues, SendClockAlignedAsync);
    }

    public TransactionEventQueue Queue { get; }

    /// <summary>Runs <paramref name="handler"/> on the loop after every transaction ended, after the handlers added
    /// before it (scheduled resets, firmware installs and display messages wait for it).</summary>
    public void OnTransactionEnded(Func<CancellationToken, ValueTask> handler) => _transactionEnded.Add(handler);

    /// <summary>Runs <paramref name="handler"/> on the loop for every answered TransactionEvent, after the block has
    /// taken the answer's idTokenInfo (the tariff and cost block reads totalCost).</summary>
    public void OnTransactionEventAnswered(Func<TransactionEventRequest, TransactionEventResponse, CancellationToken, ValueTask> handler) =>
        _eventAnswered.Add(handler);

    /// <summary>Whether a transaction runs on the EVSE (its connectors are Occupied, G01).</summary>
    public bool IsInUse(int evseId) => Find(evseId) is { } session && (session.Transaction is not null || session.EndedUnsent is not null);

    /// <summary>Whether the EVSE's connector shows Occupied without a cable: while its transaction runs, except
    /// when that transaction only waits for the EV to come back after an EV-side disconnect (TC_E_26_CS step 3).</summary>
    public bool IsOccupied(int evseId) => IsInUse(evseId) && Find(evseId) is { AwaitingEvReturn: false };

    /// <summary>The transaction on an EVSE for the status snapshot.</summary>
    public TransactionStatus? StatusOf(int evseId) =>
        Find(evseId) is { Transaction: { } tx } session ? new TransactionStatus(tx.Id, session.ChargingState) : null;

    /// <summary>After a power cut: a transaction that was running cannot be resumed here (the relay opened and
    /// the driver's session is lost), so it is ended with stoppedReason PowerLoss, continuing its seqNo.
    /// Call once at start-up, before the loop runs; the Ended events go out once the CSMS accepts the station.</summary>
    public async ValueTask EndInterruptedAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in await _services.Store.Transactions.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            // The Ended event is queued before the running transaction is forgotten (two writes): a power cut
            // between them leaves both, and the transaction has already ended — ending it again would send a
            // second, different Ended with the same seqNo.
            if (Find(stored.EvseId) is not { Transaction: null } session || Queue.HasEnded(stored.TransactionId))
            {
                await _services.Store.Transactions.RemoveAsync(stored.TransactionId, cancellationToken).ConfigureAwait(false);
                continue;
            }

            LogEndingInterrupted(_logger, _services.StationId, stored.TransactionId, stored.EvseId);
            session.ConnectorId = stored.ConnectorId;
            session.Transaction = new Transaction(stored.TransactionId, stored.StartedAt) { NextSeqNo = stored.NextSeqNo };
            session.Deauthorized = true;
            await EndAsync(session, TriggerReasonEnumType.AbnormalCondition, ReasonEnumType.PowerLoss, cancellationToken).ConfigureAwait(false);

            // At start-up the connectors are reported after the boot as they are: the old transaction is gone.
            session.EndedUnsent = null;
        }

        // A controller restart may find the contactor as it left it: no energy flows without a transaction.
        foreach (var session in _sessions.Where(s => s.RelayClosed))
        {
            await OpenRelayAsync(session, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask OnCableConnectedAsync(int evseId, int connectorId, CancellationToken cancellationToken)
    {
        if (Find(evseId) is not { } session)
        {
            return;
        }

        session.EvConnected = true;
        session.AwaitingEvReturn = false;
        session.ConnectorId = connectorId;
        _connectionTimers[evseId].Stop();
        await ProgressAsync(session, TriggerReasonEnumType.CablePluggedIn, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask OnCableDisconnectedAsync(int evseId, CancellationToken cancellationToken)
    {
        if (Find(evseId) is not { } session)
        {
            return;
        }

        session.EvConnected = false;
        session.EvDemanding = false;
        if (session.Transaction is null)
        {
            await OpenRelayAsync(session, cancellationToken).ConfigureAwait(false);
            return;
        }

        // E10: StopTxOnEVSideDisconnect ends the transaction however TxStopPoint reads; else only the stop point does.
        if (_services.DeviceModel.Tx.StopTxOnEVSideDisconnect || TxPoints.StopReached(_services.DeviceModel.Tx.TxStopPoint, session))
        {
            await EndAsync(session, TriggerReasonEnumType.EVCommunicationLost, session.StopReason ?? ReasonEnumType.EVDisconnected, cancellationToken).ConfigureAwait(false);
            return;
        }

        // E10.FR.01: the transaction is suspended, not ended (the connector turns Available once this event is
        // on the wire, OnTransactionEventSent); E10.FR.02 (TC_E_27_CS): the driver has EVConnectionTimeOut to
        // reconnect the EV before the authorization ends.
        if (session.Authorized)
        {
            _connectionTimers[evseId].Start(_services.DeviceModel.Tx.EVConnectionTimeOut, Timeout.InfiniteTimeSpan);
        }

        await OpenRelayAsync(session, cancellationToken).ConfigureAwait(false);
        await SendAsync(session, TransactionEventEnumType.Updated, TriggerReasonEnumType.EVCommunicationLost, null, null, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask OnEvPowerDemandChangedAsync(int evseId, bool demanding, CancellationToken cancellationToken)
    {
        if (Find(evseId) is not { } session || session.EvDemanding == demanding)
        {
            return;
        }

        session.EvDemanding = demanding;
        if (session.Transaction is not null && TxPoints.StopReached(_services.DeviceModel.Tx.TxStopPoint, session))
        {
            await EndAsync(session, TriggerReasonEnumType.ChargingStateChanged, ReasonEnumType.StoppedByEV, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ProgressAsync(session, TriggerReasonEnumType.ChargingStateChanged, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A token at the reader: stops the session it authorized (E06/E07 local stop with the same
    /// token), else authorizes it for the selected EVSE (C01; AQ-8 selection before authorization).</summary>
    public async ValueTask OnIdTokenPresentedAsync(IdTokenType token, int? evseId, CancellationToken cancellationToken)
    {
        if (_sessions.Find(s => s.Authorized && SameToken(s.IdToken, token)) is { } own)
        {
            await StopAuthorizationAsync(own, TriggerReasonEnumType.StopAuthorized, ReasonEnumType.Local, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (SelectEvse(evseId) is not { } session)
        {
            await AuthorizeToStopAsync(token, evseId, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _authorization.AuthorizeAsync(
            token,
            (info, ct) => OnPresentedTokenDecidedAsync(session, token, info, ct),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends the transactions on one EVSE, or all (Reset Immediate, B11/B12).</summary>
    public async ValueTask EndTransactionsAsync(int? evseId, ReasonEnumType reason, CancellationToken cancellationToken)
    {
        foreach (var session in _sessions.Where(s => s.Transaction is not null && (evseId is null || s.EvseId == evseId)).ToList())
        {
            session.Deauthorized = true;
            await EndAsync(session, TriggerReasonEnumType.ResetCommand, reason, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var timer in _meterTimers.Values.Concat(_connectionTimers.Values).Concat(_energyLimits.Values.Select(l => l.Timer)))
        {
            timer.Dispose();
        }

        _alignedMeterValues.Dispose();
        _meterValues.Dispose();
        Queue.Dispose();
    }

    private EvseSession? Find(int evseId) => _sessions.Find(s => s.EvseId == evseId);

    private EvseSession? SelectEvse(int? evseId)
    {
        if (evseId is { } id)
        {
            return Find(id) is { Authorized: false } selected ? selected : null;
        }

        // AQ-8: without a selection, the only EVSE; with several, the one an EV waits at.
        var free = _sessions.Where(s => !s.Authorized).ToList();
        return free.Count == 1 ? free[0] : free.Where(s => s.EvConnected).Take(2).Count() == 1 ? free.First(s => s.EvConnected) : null;
    }

    private async ValueTask OnAuthorizationDecidedAsync(EvseSession session, IdTokenType token, IdTokenInfoType info, TriggerReasonEnumType trigger, CancellationToken cancellationToken)
    {
        var allowedHere = info.EvseId is not { Count: > 0 } evses || evses.Contains(session.EvseId);
        if (info.Status != AuthorizationStatusEnumType.Accepted || !allowedHere || session.Authorized
            || !_availability.IsEvseAvailableForCharging(session.EvseId)
            || _authorization.IsMasterPass(info)
            || !ReservationAllows(session, token, info.GroupIdToken))
        {
            LogNotAuthorized(_logger, _services.StationId, session.EvseId, info.Status);
            session.RemoteStartId = null;
            return;
        }

        session.IdToken = token;
        session.GroupIdToken = info.GroupIdToken;
        session.Authorized = true;
        session.Deauthorized = false;
        await UseReservationAsync(session, token, info.GroupIdToken, cancellationToken).ConfigureAwait(false);
        if (!session.EvConnected)
        {
            // E03.FR.05: authorized first, the driver has EVConnectionTimeOut to plug in.
            _connectionTimers[session.EvseId].Start(_services.DeviceModel.Tx.EVConnectionTimeOut, Timeout.InfiniteTimeSpan);
        }

        await ProgressAsync(session, trigger, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The driver's authorization ends (stop token, RequestStopTransaction, invalid id): the energy
    /// stops, and the transaction ends when TxStopPoint says so.</summary>
    private async ValueTask StopAuthorizationAsync(EvseSession session, TriggerReasonEnumType trigger, ReasonEnumType reason, CancellationToken cancellationToken)
    {
        _connectionTimers[session.EvseId].Stop();
        session.Authorized = false;
        session.Deauthorized = true;
        session.StopReason ??= reason;
        if (session.Transaction is null)
        {
            session.ClearAuthorization();
            await OpenRelayAsync(session, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (TxPoints.StopReached(_services.DeviceModel.Tx.TxStopPoint, session))
        {
            await EndAsync(session, trigger, reason, cancellationToken).ConfigureAwait(false);
            return;
        }

        await OpenRelayAsync(session, cancellationToken).ConfigureAwait(false);
        await SendAsync(session, TransactionEventEnumType.Updated, trigger, null, null, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask OnEVConnectionTimeOutAsync(int evseId, CancellationToken cancellationToken)
    {
        if (Find(evseId) is not { Authorized: true, EvConnected: false } session)
        {
            return;
        }

        // E03.FR.05 / TC_E_10: no cable in time, the authorization (and a transaction it started) ends.
        session.Authorized = false;
        session.Deauthorized = true;
        if (session.Transaction is null)
        {
            session.ClearAuthorization();
            return;
        }

        await EndAsync(session, TriggerReasonEnumType.EVConnectTimeout, ReasonEnumType.Timeout, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask OnTransactionEventAnsweredAsync(TransactionEventRequest request, TransactionEventResponse response, CancellationToken cancellationToken)
    {
        await TakeIdTokenInfoAsync(request, response, cancellationToken).ConfigureAwait(false);
        foreach (var handler in _eventAnswered)
        {
            await handler(request, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask TakeIdTokenInfoAsync(TransactionEventRequest request, TransactionEventResponse response, CancellationToken cancellationToken)
    {
        if (request.IdToken is not { } token || response.IdTokenInfo is not { } info)
        {
            return;
        }

        await _authorization.RememberAsync(token, info, cancellationToken).ConfigureAwait(false);
        var session = _sessions.Find(s => s.Transaction?.Id == request.TransactionInfo.TransactionId && s.Authorized);
        if (session is not null)
        {
            await OnIdTokenInfoOfTransactionAsync(session, info, cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnTransactionEventSent(TransactionEventRequest request)
    {
        if (request is { EventType: TransactionEventEnumType.Updated, TriggerReason: TriggerReasonEnumType.EVCommunicationLost }
            && _sessions.Find(s => s.Transaction?.Id == request.TransactionInfo.TransactionId && !s.EvConnected) is { } suspended)
        {
            // TC_E_26_CS steps 1 then 3: the connector's Available follows the EVCommunicationLost event, never
            // overtakes it.
            suspended.AwaitingEvReturn = true;
            _availability.Refresh();
            return;
        }

        if (request.EventType != TransactionEventEnumType.Ended
            || _sessions.Find(s => s.EndedUnsent == request.TransactionInfo.TransactionId) is not { } session)
        {
            return;
        }

        // The Ended event is on the wire: the connector's new status may follow it now, and availability
        // changes scheduled for the end of the transaction (G03.FR.05) can apply.
        session.EndedUnsent = null;
        _availability.Refresh();
        _services.Inbox.Post(ct => _availability.ApplyScheduledAsync(ct));
    }

    private static bool SameToken(IdTokenType? a, IdTokenType b) =>
        a is not null && a.Type == b.Type && string.Equals(a.IdToken, b.IdToken, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 3703, Level = LogLevel.Warning, Message = "Station {StationId}: transaction {TransactionId} on EVSE {EvseId} was interrupted by a power cut; ending it")]
    private static partial void LogEndingInterrupted(ILogger logger, string stationId, string transactionId, int evseId);

    [LoggerMessage(EventId = 3701, Level = LogLevel.Information, Message = "Station {StationId}: token presented but no EVSE is selected or free")]
    private static partial void LogNoEvseSelected(ILogger logger, string stationId);

    [LoggerMessage(EventId = 3702, Level = LogLevel.Information, Message = "Station {StationId}: EVSE {EvseId} not authorized ({Status})")]
    private static partial void LogNotAuthorized(ILogger logger, string stationId, int evseId, AuthorizationStatusEnumType status);
}
