using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.MeterValues;

/// <summary>TriggerMessage MeterValues (F06, J01): one MeterValuesRequest per EVSE in scope with the
/// AlignedDataCtrlr measurands, context Trigger, sent after the TriggerMessageResponse.</summary>
internal sealed class TriggeredMeterValues
{
    private readonly StationServices _services;

    public TriggeredMeterValues(StationServices services) => _services = services;

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
                var reading = await evse.Meter.ReadAsync(ct).ConfigureAwait(false);
                if (MeterValueSampler.Sample(reading, measurands, ReadingContextEnumType.Trigger) is { } value)
                {
                    _services.Link.Send(new MeterValuesRequest { EvseId = evse.EvseId, MeterValue = [value] });
                }
            }
        }));
        return TriggerMessageStatusEnumType.Accepted;
    }
}
