using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Transactions;

// Authorization rules that take effect in a running session (block C): a token of the same group stops it
// (C09), a master pass stops them all (C16), and the CSMS's verdict on the token of a transaction
// (StopTxOnInvalidId, MaxEnergyOnInvalidId).
internal sealed partial class TransactionBlock
{
    // How often the meter is read while energy is limited by MaxEnergyOnInvalidId.
    private static readonly TimeSpan EnergyLimitPoll = TimeSpan.FromSeconds(10);

    private readonly Dictionary<int, (StationTimer Timer, string TransactionId, decimal LimitWh)> _energyLimits = [];

    /// <summary>A token presented while no EVSE is free for it: it may only stop a session, so it is
    /// authorized first (C01.FR.03: another driver's card is not enough) and then compared by group.</summary>
    private async ValueTask AuthorizeToStopAsync(IdTokenType token, int? evseId, CancellationToken cancellationToken)
    {
        if (!_sessions.Exists(s => s.Authorized && (evseId is null || s.EvseId == evseId)))
        {
            LogNoEvseSelected(_logger, _services.StationId);
            return;
        }

        await _authorization.AuthorizeAsync(token, (info, ct) => OnStopTokenDecidedAsync(token, evseId, info, ct), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask OnStopTokenDecidedAsync(IdTokenType token, int? evseId, IdTokenInfoType info, CancellationToken cancellationToken)
    {
        // C09 (TC_C_42): a refused token stops nothing, whatever its group.
        if (info.Status != AuthorizationStatusEnumType.Accepted)
        {
            LogStopRefused(_logger, _services.StationId, info.Status);
            return;
        }

        if (_authorization.IsMasterPass(info))
        {
            await StopByMasterPassAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // C09.FR.03: a token of the same group as the one that authorized the session may stop it.
        var sameGroup = _sessions.Find(s => s.Authorized && (evseId is null || s.EvseId == evseId)
            && info.GroupIdToken is { } group && SameToken(s.GroupIdToken, group));
        if (sameGroup is null)
        {
            LogNotSameGroup(_logger, _services.StationId, token.Type);
            return;
        }

        await StopAuthorizationAsync(sameGroup, TriggerReasonEnumType.StopAuthorized, ReasonEnumType.Local, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A token presented at a free EVSE: a master pass stops the transactions instead of starting
    /// one (C16.FR.02/03); any other token is decided as a start.</summary>
    private async ValueTask OnPresentedTokenDecidedAsync(EvseSession session, IdTokenType token, IdTokenInfoType info, CancellationToken cancellationToken)
    {
        if (info.Status == AuthorizationStatusEnumType.Accepted && _authorization.IsMasterPass(info))
        {
            await StopByMasterPassAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await OnAuthorizationDecidedAsync(session, token, info, TriggerReasonEnumType.Authorized, cancellationToken).ConfigureAwait(false);
    }

    // C16.FR.02: without a user interface, a master pass stops every transaction (stoppedReason MasterPass).
    private async ValueTask StopByMasterPassAsync(CancellationToken cancellationToken)
    {
        foreach (var session in _sessions.Where(s => s.Authorized || s.Transaction is not null).ToList())
        {
            await StopAuthorizationAsync(session, TriggerReasonEnumType.StopAuthorized, ReasonEnumType.MasterPass, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What the CSMS said of the token of a running transaction (TransactionEventResponse).</summary>
    private async ValueTask OnIdTokenInfoOfTransactionAsync(EvseSession session, IdTokenInfoType info, CancellationToken cancellationToken)
    {
        // C09: the group the CSMS gives now is the one another card must share to stop the session.
        if (info.GroupIdToken is { } group)
        {
            session.GroupIdToken = group;
        }

        if (info.Status == AuthorizationStatusEnumType.Accepted)
        {
            return;
        }

        // E05/C12: the CSMS refused the token of a running transaction; StopTxOnInvalidId ends the authorization.
        if (_services.DeviceModel.Tx.StopTxOnInvalidId)
        {
            await StopAuthorizationAsync(session, TriggerReasonEnumType.Deauthorized, ReasonEnumType.DeAuthorized, cancellationToken).ConfigureAwait(false);
            return;
        }

        // C-03: else the transaction goes on, but only MaxEnergyOnInvalidId more Wh flow (none when it is 0).
        var maxEnergy = _services.DeviceModel.Tx.MaxEnergyOnInvalidId;
        if (maxEnergy > 0 && _services.Hardware.FindEvse(session.EvseId) is { } evse)
        {
            var reading = await evse.Meter.ReadAsync(cancellationToken).ConfigureAwait(false);
            var evseId = session.EvseId;
            if (_energyLimits.Remove(evseId, out var previous))
            {
                previous.Timer.Dispose();
            }

            var timer = new StationTimer(_services.Inbox, _services.Clock.Inner, ct => OnEnergyLimitPollAsync(evseId, ct));
            _energyLimits[evseId] = (timer, session.Transaction!.Id, reading.EnergyActiveImportWh + maxEnergy);
            timer.Start(EnergyLimitPoll, EnergyLimitPoll);
            return;
        }

        await SuspendEnergyAsync(session, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask OnEnergyLimitPollAsync(int evseId, CancellationToken cancellationToken)
    {
        if (!_energyLimits.TryGetValue(evseId, out var limit))
        {
            return;
        }

        if (Find(evseId) is not { Transaction: not null, EnergySuspended: false } session || session.Transaction.Id != limit.TransactionId || _services.Hardware.FindEvse(evseId) is not { } evse)
        {
            StopEnergyLimit(evseId);
            return;
        }

        var reading = await evse.Meter.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (reading.EnergyActiveImportWh >= limit.LimitWh)
        {
            StopEnergyLimit(evseId);
            await SuspendEnergyAsync(session, cancellationToken).ConfigureAwait(false);
        }
    }

    private void StopEnergyLimit(int evseId)
    {
        if (_energyLimits.Remove(evseId, out var limit))
        {
            limit.Timer.Dispose();
        }
    }

    // The session stays (the driver or the EV ends it), the energy stops: chargingState SuspendedEVSE.
    private async ValueTask SuspendEnergyAsync(EvseSession session, CancellationToken cancellationToken)
    {
        if (session.EnergySuspended || session.Transaction is null)
        {
            return;
        }

        session.EnergySuspended = true;
        await OpenRelayAsync(session, cancellationToken).ConfigureAwait(false);
        await SendAsync(session, TransactionEventEnumType.Updated, TriggerReasonEnumType.ChargingStateChanged, null, null, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 3750, Level = LogLevel.Information, Message = "Station {StationId}: token presented to stop a session was not accepted ({Status})")]
    private static partial void LogStopRefused(ILogger logger, string stationId, AuthorizationStatusEnumType status);

    [LoggerMessage(EventId = 3751, Level = LogLevel.Information, Message = "Station {StationId}: {TokenType} token is not of the group of a running session; nothing stopped")]
    private static partial void LogNotSameGroup(ILogger logger, string stationId, IdTokenEnumType tokenType);
}
