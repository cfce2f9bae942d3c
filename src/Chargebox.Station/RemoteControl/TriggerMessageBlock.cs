using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.Provisioning;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.RemoteControl;

/// <summary>TriggerMessage (F06): the CSMS asks the station to send a message now. The message goes out
/// after the TriggerMessageResponse. Functional blocks that own a triggerable message register it here.</summary>
internal sealed class TriggerMessageBlock
{
    private readonly StationServices _services;
    private readonly Dictionary<MessageTriggerEnumType, Func<TriggerMessageRequest, TriggerMessageStatusEnumType>> _triggers = [];

    public TriggerMessageBlock(StationServices services, BootSequence boot, HeartbeatBlock heartbeat, AvailabilityBlock availability)
    {
        _services = services;
        _triggers[MessageTriggerEnumType.BootNotification] = _ => boot.Trigger();
        _triggers[MessageTriggerEnumType.Heartbeat] = _ =>
        {
            services.Router.AfterAnswer(heartbeat.SendNow);
            return TriggerMessageStatusEnumType.Accepted;
        };
        _triggers[MessageTriggerEnumType.StatusNotification] = request => TriggerStatusNotification(request, availability);
        services.Router.On<TriggerMessageRequest, TriggerMessageResponse>(Trigger);
    }

    /// <summary>Adds a triggerable message (MeterValues, TransactionEvent, LogStatusNotification, ...).</summary>
    public void Register(MessageTriggerEnumType message, Func<TriggerMessageRequest, TriggerMessageStatusEnumType> trigger) =>
        _triggers[message] = trigger;

    private TriggerMessageResponse Trigger(TriggerMessageRequest request)
    {
        if (request.Evse is { } evse && evse.Id != 0 && _services.Hardware.FindEvse(evse.Id) is null)
        {
            return new TriggerMessageResponse
            {
                Status = TriggerMessageStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = "UnknownEvse", AdditionalInfo = $"No EVSE {evse.Id} at this station." },
            };
        }

        var status = _triggers.TryGetValue(request.RequestedMessage, out var trigger)
            ? trigger(request)
            : TriggerMessageStatusEnumType.NotImplemented;
        return new TriggerMessageResponse { Status = status };
    }

    private TriggerMessageStatusEnumType TriggerStatusNotification(TriggerMessageRequest request, AvailabilityBlock availability)
    {
        // F06.FR.xx: StatusNotification is about one connector; without an EVSE, every connector reports.
        var connectors = availability.Connectors
            .Where(c => request.Evse is not { } evse || evse.Id == 0
                || (c.EvseId == evse.Id && (evse.ConnectorId is null || c.ConnectorId == evse.ConnectorId)))
            .ToList();
        if (connectors.Count == 0)
        {
            return TriggerMessageStatusEnumType.Rejected;
        }

        _services.Router.AfterAnswer(() =>
        {
            foreach (var connector in connectors)
            {
                _services.Link.Send(availability.StatusNotification(connector));
            }
        });
        return TriggerMessageStatusEnumType.Accepted;
    }
}
