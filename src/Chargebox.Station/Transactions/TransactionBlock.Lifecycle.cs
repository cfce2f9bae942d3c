using Chargebox.Protocol.Messages;
using Chargebox.Station.MeterValues;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Transactions;

// Starting, updating and ending a transaction, the relay and the meter samples that go with them.
internal sealed partial class TransactionBlock
{
    /// <summary>Re-evaluates a session after <paramref name="trigger"/>: closes the power path once the EV
    /// is connected and authorized, starts the transaction at its start point, and reports what changed.</summary>
    private async ValueTask ProgressAsync(EvseSession session, TriggerReasonEnumType trigger, CancellationToken cancellationToken)
    {
        var mayDeliver = session.EvConnected && session.Authorized && !session.EnergySuspended && _availability.IsEvseAvailableForCharging(session.EvseId);
        if (session.Transaction is null)
        {
            if (!TxPoints.StartReached(_services.DeviceModel.Tx.TxStartPoint, session))
            {
                return;
            }

            // An EV that already asks for power starts Charging at once; one that has not yet is reported
            // EVConnected in Started and Charging when it draws (E01 step order of TC_E_01_CS).
            if (mayDeliver && session.EvDemanding)
            {
                await CloseRelayAsync(session, cancellationToken).ConfigureAwait(false);
            }

            await StartAsync(session, trigger, cancellationToken).ConfigureAwait(false);
            if (mayDeliver)
            {
                await CloseRelayAsync(session, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (mayDeliver && session.EvDemanding)
        {
            await CloseRelayAsync(session, cancellationToken).ConfigureAwait(false);
        }

        var tx = session.Transaction;
        var news = trigger is TriggerReasonEnumType.Authorized or TriggerReasonEnumType.RemoteStart or TriggerReasonEnumType.CablePluggedIn
            || session.ChargingState != tx.ReportedChargingState;
        if (news)
        {
            await SendAsync(session, TransactionEventEnumType.Updated, trigger, null, null, cancellationToken).ConfigureAwait(false);
        }

        if (mayDeliver)
        {
            await CloseRelayAsync(session, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask StartAsync(EvseSession session, TriggerReasonEnumType trigger, CancellationToken cancellationToken)
    {
        var now = _services.Clock.GetUtcNow();
        session.Transaction = new Transaction(NewTransactionId(), now);
        session.AwaitingEvReturn = false;
        _meterValues.Started(session.EvseId, session.Transaction.Id);
        var sampled = _services.DeviceModel.SampledData;
        var begin = await SampleAsync(session, sampled.TxStartedMeasurands, ReadingContextEnumType.TransactionBegin, cancellationToken).ConfigureAwait(false);
        if (sampled.Enabled && sampled.TxUpdatedInterval > TimeSpan.Zero)
        {
            // Counted from the Transaction.Begin sample; started before that event goes out.
            _meterTimers[session.EvseId].Start(sampled.TxUpdatedInterval, sampled.TxUpdatedInterval);
        }

        await SendAsync(session, TransactionEventEnumType.Started, trigger, begin, null, cancellationToken).ConfigureAwait(false);

        // G01: the connectors of the EVSE are Occupied while the transaction runs.
        _availability.Refresh();
    }

    private async ValueTask EndAsync(EvseSession session, TriggerReasonEnumType trigger, ReasonEnumType reason, CancellationToken cancellationToken)
    {
        _meterTimers[session.EvseId].Stop();
        _connectionTimers[session.EvseId].Stop();
        await OpenRelayAsync(session, cancellationToken).ConfigureAwait(false);
        var end = await SampleAsync(session, _services.DeviceModel.SampledData.TxEndedMeasurands, ReadingContextEnumType.TransactionEnd, cancellationToken).ConfigureAwait(false);

        // J02/J01: the TxEndedInterval samples collected during the transaction go in Ended, before the Transaction.End one.
        List<MeterValueType> values = [.. _meterValues.Ended(session.EvseId)];
        if (end is not null)
        {
            values.Add(end);
        }

        session.EndedUnsent = session.Transaction!.Id;
        await SendEventAsync(session, TransactionEventEnumType.Ended, trigger, values.Count == 0 ? null : values, reason, cancellationToken).ConfigureAwait(false);
        session.Transaction = null;
        session.ClearAuthorization();

        // Also reports the connector (Available, Unavailable) when the Ended event already went out.
        await _availability.ApplyScheduledAsync(cancellationToken).ConfigureAwait(false);
        foreach (var ended in _transactionEnded)
        {
            await ended(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask OnMeterIntervalAsync(int evseId, CancellationToken cancellationToken)
    {
        if (Find(evseId) is not { Transaction: not null } session)
        {
            return;
        }

        // J02.FR.xx: every TxUpdatedInterval, an Updated event with the TxUpdatedMeasurands.
        var sample = await SampleAsync(session, _services.DeviceModel.SampledData.TxUpdatedMeasurands, ReadingContextEnumType.SamplePeriodic, cancellationToken).ConfigureAwait(false);
        await SendAsync(session, TransactionEventEnumType.Updated, TriggerReasonEnumType.MeterValuePeriodic, sample, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>J01: a clock-aligned value of a running transaction, in an Updated event with trigger MeterValueClock.</summary>
    private async ValueTask SendClockAlignedAsync(int evseId, MeterValueType value, CancellationToken cancellationToken)
    {
        if (Find(evseId) is { Transaction: not null } session)
        {
            await SendAsync(session, TransactionEventEnumType.Updated, TriggerReasonEnumType.MeterValueClock, value, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask<MeterValueType?> SampleAsync(EvseSession session, IReadOnlyList<string> measurands, ReadingContextEnumType context, CancellationToken cancellationToken) =>
        _meterValues.SampleAsync(session.EvseId, session.Transaction!.Id, measurands, context, cancellationToken);

    private ValueTask SendAsync(EvseSession session, TransactionEventEnumType eventType, TriggerReasonEnumType trigger, MeterValueType? meterValue, ReasonEnumType? stoppedReason, CancellationToken cancellationToken) =>
        SendEventAsync(session, eventType, trigger, meterValue is null ? null : [meterValue], stoppedReason, cancellationToken);

    /// <summary>Builds the next event of the session's transaction and queues it for delivery.</summary>
    private async ValueTask SendEventAsync(EvseSession session, TransactionEventEnumType eventType, TriggerReasonEnumType trigger, IReadOnlyList<MeterValueType>? meterValues, ReasonEnumType? stoppedReason, CancellationToken cancellationToken)
    {
        var tx = session.Transaction!;
        var chargingState = session.ChargingState;

        // F06.FR.07: a triggered event describes the transaction in full (EVSE and charging state, TC_F_13/14_CS).
        var full = eventType == TransactionEventEnumType.Started || trigger == TriggerReasonEnumType.Trigger;
        var request = new TransactionEventRequest
        {
            EventType = eventType,
            Timestamp = _services.Clock.GetUtcNow(),
            // F02: the first event after RequestStartTransaction says RemoteStart, whatever reached the start point.
            TriggerReason = session.RemoteStartId is not null && eventType != TransactionEventEnumType.Ended ? TriggerReasonEnumType.RemoteStart : trigger,
            SeqNo = tx.NextSeqNo++,

            // E04.FR.xx: an event that happened while the station could not reach the CSMS says so.
            Offline = _services.Link.IsOnline ? null : true,
            NumberOfPhasesUsed = full && session.Phases > 0 ? session.Phases : null,

            // E01.FR.16: the EVSE (and connector) are given in the first event of the transaction.
            Evse = full ? new EVSEType { Id = session.EvseId, ConnectorId = session.ConnectorId } : null,

            // E01/E03: the token goes in the first event after the driver was authorized.
            IdToken = session.IdToken is { } token && !tx.IdTokenReported ? token : null,

            // H03.FR.09: the event after the driver used a reservation names it.
            ReservationId = session.ReservationId,
            MeterValue = meterValues,
            TransactionInfo = new TransactionType
            {
                TransactionId = tx.Id,
                ChargingState = full || chargingState != tx.ReportedChargingState ? chargingState : null,
                StoppedReason = stoppedReason,

                // F01.FR.xx: the remoteStartId of RequestStartTransaction goes in the event that follows it.
                RemoteStartId = session.RemoteStartId,
            },
        };
        tx.ReportedChargingState = chargingState;
        tx.IdTokenReported |= request.IdToken is not null;
        session.RemoteStartId = null;
        session.ReservationId = null;

        // Saved before the event is queued: after a power cut the sequence may skip a number but never repeats one.
        if (eventType == TransactionEventEnumType.Ended)
        {
            await Queue.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
            await _services.Store.Transactions.RemoveAsync(tx.Id, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _services.Store.Transactions.SaveAsync(new StoredTransaction(tx.Id, session.EvseId, session.ConnectorId, tx.NextSeqNo, tx.StartedAt), cancellationToken).ConfigureAwait(false);
        await Queue.EnqueueAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask CloseRelayAsync(EvseSession session, CancellationToken cancellationToken)
    {
        if (session.RelayClosed || _services.Hardware.FindEvse(session.EvseId) is not { } evse)
        {
            return;
        }

        await evse.Relay.CloseAsync(session.MaxCurrentA, cancellationToken).ConfigureAwait(false);
        session.RelayClosed = true;
    }

    private async ValueTask OpenRelayAsync(EvseSession session, CancellationToken cancellationToken)
    {
        if (!session.RelayClosed || _services.Hardware.FindEvse(session.EvseId) is not { } evse)
        {
            return;
        }

        await evse.Relay.OpenAsync(cancellationToken).ConfigureAwait(false);
        session.RelayClosed = false;
    }

    /// <summary>E01.FR.xx: a transaction id unique for the station: a random (version 4) UUID from the station's Random.</summary>
    private string NewTransactionId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
