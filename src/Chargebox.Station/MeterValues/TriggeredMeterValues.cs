using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.MeterValues;

/// <summary>TriggerMessage MeterValues (F06, J01): one MeterValuesRequest per EVSE in scope with the
/// AlignedDataCtrlr measurands, context Trigger, sent after the TriggerMessageResponse.</summary>
internal sealed class TriggeredMeterValues
{
    private readonly StationServices _services;
    private readonly MeterValueReader _reader;

    public TriggeredMeterValues(StationServices services)
    {
        _services = services;
        _reader = new MeterValueReader(services);
    }

    public TriggerMessageStatusEnumType Trigger(TriggerMessageRequest request)
    {
        var evses = _services.Hardware.Evses
            .Where(e => request.Evse is not { } evse || evse.Id == 0 || e.EvseId == evse.Id)
            .ToList();
        var measurands = _services.DeviceModel.AlignedData.Measurands;
        _services.Router.AfterAnswer(() => _services.Inbox.Post(async ct =>
        {
            foreach (var evse in evses)
            {
                // Signed as the clock-aligned values are: the same measurands, the same controller.
                var sign = _services.DeviceModel.AlignedData.SignReadings;
                if (await _reader.ReadAsync(evse, measurands, ReadingContextEnumType.Trigger, sign, null, ct).ConfigureAwait(false) is { } value)
                {
                    _services.Link.Send(new MeterValuesRequest { EvseId = evse.EvseId, MeterValue = [value] });
                }
            }
        }));
        return TriggerMessageStatusEnumType.Accepted;
    }
}
