using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.MeterValues;

/// <summary>Clock-aligned meter values (J01, C-28): at every AlignedDataCtrlr.Interval boundary each EVSE is
/// read with the AlignedDataCtrlr measurands, context Sample.Clock; an EVSE with a transaction reports them in
/// a TransactionEvent Updated (triggerReason MeterValueClock), an idle one in a MeterValuesRequest. With
/// SendDuringIdle nothing is sent while any transaction runs. At every AlignedDataCtrlr.TxEndedInterval
/// boundary the TxEndedMeasurands of each running transaction are collected for its Ended event.</summary>
internal sealed class AlignedMeterValues : IDisposable
{
    private readonly StationServices _services;
    private readonly TransactionMeterValues _transactions;
    private readonly Func<int, MeterValueType, CancellationToken, ValueTask> _sendInTransaction;
    private readonly ClockAlignedTimer _interval;
    private readonly ClockAlignedTimer _txEndedInterval;

    /// <summary>Starts the timers (on the loop); the send-in-transaction callback puts a clock-aligned value in a
    /// TransactionEvent of the EVSE's transaction.</summary>
    public AlignedMeterValues(StationServices services, TransactionMeterValues transactions, Func<int, MeterValueType, CancellationToken, ValueTask> sendInTransaction)
    {
        _services = services;
        _transactions = transactions;
        _sendInTransaction = sendInTransaction;
        _interval = new ClockAlignedTimer(services, () => services.DeviceModel.AlignedData.Interval, OnIntervalAsync);
        _txEndedInterval = new ClockAlignedTimer(services, () => services.DeviceModel.AlignedData.TxEndedInterval, OnTxEndedIntervalAsync);
        services.DeviceModel.Changed += change =>
        {
            if (change.Component.Name.Equals("AlignedDataCtrlr", StringComparison.OrdinalIgnoreCase))
            {
                services.Inbox.Post(RearmAll);
            }
        };
        services.Inbox.Post(RearmAll);
    }

    public void Dispose()
    {
        _interval.Dispose();
        _txEndedInterval.Dispose();
    }

    private void RearmAll()
    {
        _interval.Rearm();
        _txEndedInterval.Rearm();
    }

    private async ValueTask OnIntervalAsync(DateTimeOffset boundary, CancellationToken cancellationToken)
    {
        var aligned = _services.DeviceModel.AlignedData;
        if (!aligned.Enabled || aligned.Measurands.Count == 0)
        {
            return;
        }

        // SendDuringIdle: clock-aligned values only while no transaction runs anywhere on the station (TC_J_06).
        var anyTransaction = _services.Hardware.Evses.Any(e => _transactions.Running(e.EvseId) is not null);
        if (aligned.SendDuringIdle && anyTransaction)
        {
            return;
        }

        foreach (var evse in _services.Hardware.Evses)
        {
            var transaction = _transactions.Running(evse.EvseId);
            if (await ReadAsync(evse, aligned.Measurands, aligned.SignReadings, transaction, boundary, cancellationToken).ConfigureAwait(false) is not { } value)
            {
                continue;
            }

            if (transaction is not null)
            {
                // J01.FR.xx: during a transaction the EVSE's clock-aligned values go in its TransactionEvents.
                await _sendInTransaction(evse.EvseId, value, cancellationToken).ConfigureAwait(false);
            }
            else if (_services.CanSendToCsms)
            {
                _services.Link.Send(new MeterValuesRequest { EvseId = evse.EvseId, MeterValue = [value] });
            }
        }
    }

    private async ValueTask OnTxEndedIntervalAsync(DateTimeOffset boundary, CancellationToken cancellationToken)
    {
        var aligned = _services.DeviceModel.AlignedData;
        if (!aligned.Enabled)
        {
            return;
        }

        foreach (var evse in _services.Hardware.Evses)
        {
            if (_transactions.Running(evse.EvseId) is { } transaction
                && await ReadAsync(evse, aligned.TxEndedMeasurands, aligned.SignReadings, transaction, boundary, cancellationToken).ConfigureAwait(false) is { } value)
            {
                _transactions.Collect(evse.EvseId, value);
            }
        }
    }

    /// <summary>A clock-aligned reading carries the boundary it stands for as its timestamp, so that readings of
    /// several EVSEs (and a tick that ran late) share it, as the J test cases require.</summary>
    private async ValueTask<MeterValueType?> ReadAsync(IEvseHardware evse, IReadOnlyList<string> measurands, bool sign, TransactionMeterData? transaction, DateTimeOffset boundary, CancellationToken cancellationToken)
    {
        var value = await _transactions.Reader.ReadAsync(evse, measurands, ReadingContextEnumType.SampleClock, sign, transaction, cancellationToken).ConfigureAwait(false);
        return value is null ? null : new MeterValueType { Timestamp = boundary, SampledValue = value.SampledValue };
    }
}
