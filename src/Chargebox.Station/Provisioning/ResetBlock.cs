using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Provisioning;

/// <summary>Reset (B11, B12): of the whole station (a reboot through <see cref="Hardware.IStationPower"/>) or of
/// one EVSE (C-13), at once or when idle. A reset that would interrupt a transaction waits for it to end
/// when OnIdle (Scheduled); Immediate ends the transactions first.</summary>
internal sealed partial class ResetBlock
{
    private readonly StationServices _services;
    private readonly AvailabilityBlock _availability;
    private readonly ILogger _logger;
    private bool _stationResetScheduled;
    private readonly HashSet<int> _evseResetsScheduled = [];

    public ResetBlock(StationServices services, AvailabilityBlock availability)
    {
        _services = services;
        _availability = availability;
        _logger = services.LoggerFactory.CreateLogger<ResetBlock>();
        services.Router.On<ResetRequest, ResetResponse>(Reset);
    }

    /// <summary>Ends the transactions on one EVSE (or all, with null) with the given reason; set by the
    /// transactions block. Until transactions exist there is nothing to end.</summary>
    public Func<int?, ReasonEnumType, CancellationToken, ValueTask> EndTransactions { get; set; } =
        static (_, _, _) => ValueTask.CompletedTask;

    /// <summary>Whether TransactionEvents (such as the Ended of a reset) still wait to be delivered while the
    /// CSMS is reachable; set by the transactions block. A reboot waits for them (B12.FR.04: the CSMS hears of
    /// the end before the station reboots) and follows <see cref="OnDeliveryDone"/>.</summary>
    public Func<bool> DeliveryPending { get; set; } = static () => false;

    private BootReasonEnumType? _rebootAfterDelivery;

    /// <summary>The queued TransactionEvents were delivered, or cannot be now (offline): run a waiting reboot.</summary>
    public void OnDeliveryDone()
    {
        if (_rebootAfterDelivery is { } reason)
        {
            _rebootAfterDelivery = null;
            _services.Inbox.Post(ct => RebootNowAsync(reason, ct));
        }
    }

    /// <summary>Why the station last asked its hardware to reboot; the host boots the next station with it.</summary>
    public BootReasonEnumType? RebootReason { get; private set; }

    /// <summary>A transaction ended: run a reset that waited for it (B12.FR.xx).</summary>
    public void OnTransactionEnded()
    {
        if (_stationResetScheduled && !AnyEvseInUse())
        {
            _stationResetScheduled = false;
            _services.Inbox.Post(ct => RebootAsync(BootReasonEnumType.ScheduledReset, ct));
        }

        foreach (var evseId in _evseResetsScheduled.ToList())
        {
            if (!_availability.EvseInUse(evseId))
            {
                _evseResetsScheduled.Remove(evseId);
                _services.Inbox.Post(ct => ResetEvseAsync(evseId, ct));
            }
        }
    }

    private ResetResponse Reset(ResetRequest request)
    {
        if (request.EvseId is { } evseId and not 0)
        {
            return ResetEvse(evseId, request.Type);
        }

        if (AnyEvseInUse())
        {
            if (request.Type == ResetEnumType.OnIdle)
            {
                _stationResetScheduled = true;
                return new ResetResponse { Status = ResetStatusEnumType.Scheduled };
            }

            _services.Router.AfterAnswer(() => _services.Inbox.Post(async ct =>
            {
                await EndTransactions(null, ReasonEnumType.ImmediateReset, ct).ConfigureAwait(false);
                await RebootAsync(BootReasonEnumType.RemoteReset, ct).ConfigureAwait(false);
            }));
            return new ResetResponse { Status = ResetStatusEnumType.Accepted };
        }

        _services.Router.AfterAnswer(() => _services.Inbox.Post(ct => RebootAsync(BootReasonEnumType.RemoteReset, ct)));
        return new ResetResponse { Status = ResetStatusEnumType.Accepted };
    }

    private ResetResponse ResetEvse(int evseId, ResetEnumType type)
    {
        if (_services.Hardware.FindEvse(evseId) is null)
        {
            return new ResetResponse
            {
                Status = ResetStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = "UnknownEvse", AdditionalInfo = $"No EVSE {evseId} at this station." },
            };
        }

        if (_availability.EvseInUse(evseId))
        {
            if (type == ResetEnumType.OnIdle)
            {
                _evseResetsScheduled.Add(evseId);
                return new ResetResponse { Status = ResetStatusEnumType.Scheduled };
            }

            _services.Router.AfterAnswer(() => _services.Inbox.Post(async ct =>
            {
                await EndTransactions(evseId, ReasonEnumType.ImmediateReset, ct).ConfigureAwait(false);
                await ResetEvseAsync(evseId, ct).ConfigureAwait(false);
            }));
            return new ResetResponse { Status = ResetStatusEnumType.Accepted };
        }

        _services.Router.AfterAnswer(() => _services.Inbox.Post(ct => ResetEvseAsync(evseId, ct)));
        return new ResetResponse { Status = ResetStatusEnumType.Accepted };
    }

    private async ValueTask ResetEvseAsync(int evseId, CancellationToken cancellationToken)
    {
        // Resetting an EVSE returns its power path to the safe, open state; its connectors report afresh.
        LogEvseReset(_logger, _services.StationId, evseId);
        var evse = _services.Hardware.FindEvse(evseId)!;
        await evse.Relay.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var connector in _availability.Connectors.Where(c => c.EvseId == evseId))
        {
            connector.Reported = null;
        }

        _availability.Refresh();
    }

    private ValueTask RebootAsync(BootReasonEnumType reason, CancellationToken cancellationToken)
    {
        if (DeliveryPending())
        {
            _rebootAfterDelivery = reason;
            return ValueTask.CompletedTask;
        }

        return RebootNowAsync(reason, cancellationToken);
    }

    private async ValueTask RebootNowAsync(BootReasonEnumType reason, CancellationToken cancellationToken)
    {
        LogReboot(_logger, _services.StationId);
        RebootReason = reason;
        await _services.Hardware.Power.RebootAsync(cancellationToken).ConfigureAwait(false);
    }

    private bool AnyEvseInUse() => _services.Hardware.Evses.Any(e => _availability.EvseInUse(e.EvseId));

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Station {StationId}: rebooting on the CSMS's Reset")]
    private static partial void LogReboot(ILogger logger, string stationId);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Station {StationId}: resetting EVSE {EvseId}")]
    private static partial void LogEvseReset(ILogger logger, string stationId, int evseId);
}
