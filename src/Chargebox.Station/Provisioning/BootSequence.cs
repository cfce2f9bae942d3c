using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.Runtime;
using Chargebox.Transport.Rpc;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Provisioning;

/// <summary>Registration with the CSMS (B01 to B04): BootNotification on every connection until the CSMS
/// accepts the station, the Pending and Rejected waits, and what follows acceptance (clock, heartbeat,
/// connector statuses).</summary>
internal sealed partial class BootSequence : IDisposable
{
    // Used when the CSMS gives no interval (0) with Pending/Rejected, and after a BootNotification that
    // failed (CALLERROR or timeout) while the connection stays up.
    private static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(30);

    private readonly StationServices _services;
    private readonly ChargingStationType _identity;
    private readonly HeartbeatBlock _heartbeat;
    private readonly AvailabilityBlock _availability;
    private readonly StationTimer _retry;
    private readonly ILogger _logger;
    private BootReasonEnumType _reason;
    private bool _inFlight;

    public BootSequence(StationServices services, ChargingStationType identity, BootReasonEnumType reason, HeartbeatBlock heartbeat, AvailabilityBlock availability)
    {
        _services = services;
        _identity = identity;
        _reason = reason;
        _heartbeat = heartbeat;
        _availability = availability;
        _logger = services.LoggerFactory.CreateLogger<BootSequence>();
        _retry = new StationTimer(services.Inbox, services.Clock.Inner, _ =>
        {
            Send();
            return ValueTask.CompletedTask;
        });

        services.Router.Gate = Gate;

        // A04 (Appendix 1): every boot is a security event, a reset or reboot told apart from a cold start.
        services.SecurityEvents.Raise(Security.BootSecurityEvent.For(reason), $"BootReason {reason.ToWireString()}");
    }

    /// <summary>Raised once the CSMS accepted the station (each time, after every BootNotification accepted).</summary>
    public event Action? Accepted;

    /// <summary>A connection opened: register unless already accepted in this power cycle (Part 4, 5.3:
    /// no new BootNotification on a mere reconnect).</summary>
    public void OnConnected()
    {
        if (_services.Registration == RegistrationStatusEnumType.Accepted)
        {
            return;
        }

        // While Rejected or Pending the retry timer decides when to ask again.
        if (!_retry.IsRunning)
        {
            Send();
        }
    }

    public void OnDisconnected()
    {
        _inFlight = false;
        _retry.Stop();
    }

    /// <summary>TriggerMessage BootNotification (F06.FR.17): only before acceptance; sent after the answer.</summary>
    public TriggerMessageStatusEnumType Trigger()
    {
        if (_services.Registration == RegistrationStatusEnumType.Accepted)
        {
            return TriggerMessageStatusEnumType.Rejected;
        }

        _services.Router.AfterAnswer(() =>
        {
            _reason = BootReasonEnumType.Triggered;
            _retry.Stop();
            Send();
        });
        return TriggerMessageStatusEnumType.Accepted;
    }

    public void Dispose() => _retry.Dispose();

    private OcppCallOutcome? Gate(Protocol.OcppAction action) => _services.Registration switch
    {
        // B03.FR.08: while rejected, the station answers every CSMS request with SecurityError.
        RegistrationStatusEnumType.Rejected => OcppCallOutcome.Error(
            OcppErrorCode.SecurityError,
            $"The CSMS rejected this charging station's BootNotification; {action.Name} is not served until it is accepted."),

        // B02 (TC_B_02_CS step 12): a pending station may be configured but starts no transaction.
        RegistrationStatusEnumType.Pending when action.Name == "RequestStartTransaction" => OcppCallOutcome.Result(new RequestStartTransactionResponse
        {
            Status = RequestStartStopStatusEnumType.Rejected,
            StatusInfo = new StatusInfoType { ReasonCode = "NotAccepted", AdditionalInfo = "The CSMS has not accepted this charging station's BootNotification yet." },
        }),
        _ => null,
    };

    private void Send()
    {
        if (_inFlight || !_services.Link.IsOnline)
        {
            return;
        }

        _inFlight = true;
        _services.Link.Send(
            new BootNotificationRequest { Reason = _reason, ChargingStation = _identity },
            OnResponseAsync,
            OnFailureAsync);
    }

    private ValueTask OnResponseAsync(BootNotificationResponse response, CancellationToken cancellationToken)
    {
        _inFlight = false;
        _services.Registration = response.Status;
        ClockSync.Apply(_services, response.CurrentTime);
        LogRegistration(_logger, _services.StationId, response.Status, response.Interval);
        var interval = TimeSpan.FromSeconds(response.Interval);
        if (response.Status == RegistrationStatusEnumType.Accepted)
        {
            _retry.Stop();
            if (response.Interval > 0)
            {
                // B01.FR.xx: the interval of an accepted boot is the heartbeat interval.
                _services.DeviceModel.UpdateActual(new("OCPPCommCtrlr"), new("HeartbeatInterval"), response.Interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            _heartbeat.Restart();
            _availability.ReportAll();
            Accepted?.Invoke();
            return ValueTask.CompletedTask;
        }

        // B02.FR.xx / B03.FR.xx: ask again once the interval has passed, and send nothing else meanwhile.
        _heartbeat.Stop();
        var wait = interval > TimeSpan.Zero ? interval : DefaultRetryInterval;
        _retry.Start(wait, Timeout.InfiniteTimeSpan);
        return ValueTask.CompletedTask;
    }

    private ValueTask OnFailureAsync(Exception failure, CancellationToken cancellationToken)
    {
        _inFlight = false;
        LogBootFailed(_logger, _services.StationId, failure.Message);
        if (_services.Link.IsOnline && _services.Registration != RegistrationStatusEnumType.Accepted)
        {
            _retry.Start(DefaultRetryInterval, Timeout.InfiniteTimeSpan);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Station {StationId}: BootNotification answered {Status}, interval {Interval} s")]
    private static partial void LogRegistration(ILogger logger, string stationId, RegistrationStatusEnumType status, int interval);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Station {StationId}: BootNotification failed: {Reason}")]
    private static partial void LogBootFailed(ILogger logger, string stationId, string reason);
}
