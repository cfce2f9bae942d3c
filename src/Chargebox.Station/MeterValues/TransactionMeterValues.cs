using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.MeterValues;

/// <summary>The meter values of transactions (J02): the samples the transaction block puts in its events
/// (Transaction.Begin, Sample.Periodic, Trigger, Transaction.End), signed when SampledDataCtrlr.SignReadings
/// is set, and the TxEndedMeasurands sampled every SampledDataCtrlr.TxEndedInterval from the start of the
/// transaction, collected for the Ended event. Runs on the station's loop.</summary>
internal sealed class TransactionMeterValues : IDisposable
{
    private readonly StationServices _services;
    private readonly MeterValueReader _reader;
    private readonly Dictionary<int, TransactionMeterData> _running = [];
    private readonly Dictionary<int, StationTimer> _endedTimers = [];

    public TransactionMeterValues(StationServices services)
    {
        _services = services;
        _reader = new MeterValueReader(services);
        foreach (var evse in services.Hardware.Evses)
        {
            var id = evse.EvseId;
            _endedTimers[id] = new StationTimer(services.Inbox, services.Clock.Inner, ct => OnTxEndedIntervalAsync(id, ct));
        }
    }

    public MeterValueReader Reader => _reader;

    /// <summary>The data of the transaction running on an EVSE; null when none is known here.</summary>
    public TransactionMeterData? Running(int evseId) => _running.GetValueOrDefault(evseId);

    /// <summary>A transaction started on the EVSE: from now on TxEndedMeasurands are sampled every TxEndedInterval.</summary>
    public void Started(int evseId, string transactionId)
    {
        DataFor(evseId, transactionId);
        var interval = _services.DeviceModel.SampledData.TxEndedInterval;
        if (_services.DeviceModel.SampledData.Enabled && interval > TimeSpan.Zero && _endedTimers.TryGetValue(evseId, out var timer))
        {
            timer.Start(interval, interval);
        }
    }

    /// <summary>Samples for an event of the transaction <paramref name="transactionId"/>; null when SampledDataCtrlr
    /// is disabled, no measurand is configured or none is measured here.</summary>
    public async ValueTask<MeterValueType?> SampleAsync(int evseId, string transactionId, IReadOnlyList<string> measurands, ReadingContextEnumType context, CancellationToken cancellationToken)
    {
        var sampled = _services.DeviceModel.SampledData;
        if (!sampled.Enabled || measurands.Count == 0 || _services.Hardware.FindEvse(evseId) is not { } evse)
        {
            return null;
        }

        return await _reader.ReadAsync(evse, measurands, context, sampled.SignReadings, DataFor(evseId, transactionId), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a sample to those the Ended event of the EVSE's transaction will carry.</summary>
    public void Collect(int evseId, MeterValueType value)
    {
        if (_running.TryGetValue(evseId, out var data))
        {
            data.EndedValues.Add(value);
        }
    }

    /// <summary>The transaction on the EVSE ends: stops sampling and hands over what was collected for Ended.</summary>
    public IReadOnlyList<MeterValueType> Ended(int evseId)
    {
        if (_endedTimers.TryGetValue(evseId, out var timer))
        {
            timer.Stop();
        }

        return _running.Remove(evseId, out var data) ? data.EndedValues : [];
    }

    public void Dispose()
    {
        foreach (var timer in _endedTimers.Values)
        {
            timer.Dispose();
        }
    }

    /// <summary>The data of the transaction on the EVSE, made new when another transaction is found there (an
    /// interrupted transaction ended at start-up never saw <see cref="Started"/>).</summary>
    private TransactionMeterData DataFor(int evseId, string transactionId)
    {
        if (_running.TryGetValue(evseId, out var data) && data.TransactionId == transactionId)
        {
            return data;
        }

        data = new TransactionMeterData(transactionId);
        _running[evseId] = data;
        return data;
    }

    private async ValueTask OnTxEndedIntervalAsync(int evseId, CancellationToken cancellationToken)
    {
        if (!_running.TryGetValue(evseId, out var data) || _services.Hardware.FindEvse(evseId) is not { } evse)
        {
            return;
        }

        // J02: TxEndedMeasurands every TxEndedInterval, context Sample.Periodic, delivered together in Ended.
        var sampled = _services.DeviceModel.SampledData;
        if (await _reader.ReadAsync(evse, sampled.TxEndedMeasurands, ReadingContextEnumType.SamplePeriodic, sampled.SignReadings, data, cancellationToken).ConfigureAwait(false) is { } value)
        {
            data.EndedValues.Add(value);
        }
    }
}
