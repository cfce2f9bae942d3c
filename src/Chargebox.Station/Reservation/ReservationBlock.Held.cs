using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Reservation;

// Which EVSEs the reservations hold, how that shows on the connectors, and how reservations end without being used:
// expiry (H04) and an EVSE that becomes Unavailable or Faulted (H01.FR.17).
internal sealed partial class ReservationBlock
{
    /// <summary>How an EVSE stands for a reservation, leaving out the reservation <paramref name="ignoring"/> (the one a
    /// ReserveNow with the same id replaces, H01.FR.02).</summary>
    private EvseCondition ConditionOf(int evseId, int? ignoring = null)
    {
        var connectors = _availability.Connectors.Where(c => c.EvseId == evseId).ToList();
        if (connectors.Count > 0 && connectors.TrueForAll(c => c.Faulted))
        {
            return EvseCondition.Faulted;
        }

        if (!_availability.IsEvseAvailableForCharging(evseId))
        {
            return EvseCondition.Unavailable;
        }

        if (_transactions.IsInUse(evseId) || _transactions.HasDriver(evseId) || connectors.Exists(c => c.CablePlugged))
        {
            return EvseCondition.Occupied;
        }

        return _reservations.Exists(r => r.EvseId == evseId && r.Id != ignoring) ? EvseCondition.Reserved : EvseCondition.Free;
    }

    /// <summary>Whether a reservation of an unspecified EVSE could be used on <paramref name="evseId"/> (its connector type).</summary>
    private bool Fits(ActiveReservation reservation, int evseId) =>
        reservation.ConnectorType is not { } type || (_connectorTypes.TryGetValue(evseId, out var types) && types.Contains(type));

    /// <summary>The EVSEs held: each one reserved by id, and, once the reservations of an unspecified EVSE take every
    /// free EVSE, all of those (H01.FR.20).</summary>
    private HashSet<int> HeldEvses()
    {
        var held = _reservations.Where(r => r.EvseId is not null).Select(r => r.EvseId!.Value).ToHashSet();
        var unspecified = _reservations.Count(r => r.EvseId is null);
        if (unspecified > 0)
        {
            var free = _connectorTypes.Keys.Where(id => ConditionOf(id) == EvseCondition.Free).ToList();
            if (free.Count <= unspecified)
            {
                held.UnionWith(free);
            }
        }

        return held;
    }

    private void MarkHeldConnectors()
    {
        var held = HeldEvses();
        foreach (var connector in _availability.Connectors)
        {
            connector.Reserved = held.Contains(connector.EvseId);
        }
    }

    /// <summary>Marks the held connectors and reports every status that changed (Reserved, or Available again).</summary>
    private void ApplyHeldConnectors()
    {
        MarkHeldConnectors();
        _availability.Refresh();
    }

    private async ValueTask ForgetAsync(ActiveReservation reservation, CancellationToken cancellationToken)
    {
        await _services.Store.Reservations.RemoveAsync(reservation.Id, cancellationToken).ConfigureAwait(false);
        _reservations.Remove(reservation);
        ArmExpiry();
    }

    private void ArmExpiry()
    {
        if (_reservations.Count == 0)
        {
            _expiry.Stop();
            return;
        }

        var due = _reservations.Min(r => r.ExpiryDateTime) - _services.Clock.GetUtcNow();
        _expiry.Start(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    private async ValueTask OnExpiryAsync(CancellationToken cancellationToken)
    {
        var now = _services.Clock.GetUtcNow();
        var expired = _reservations.Where(r => r.ExpiryDateTime <= now).ToList();
        foreach (var reservation in expired)
        {
            await ForgetAsync(reservation, cancellationToken).ConfigureAwait(false);
        }

        // H04.FR.01/02: the connectors are Available again, then the CSMS hears the reservation Expired (H04.FR.03,
        // TC_H_07_CS steps 1 and 3).
        ApplyHeldConnectors();
        foreach (var reservation in expired)
        {
            SendStatusUpdate(reservation.Id, ReservationUpdateStatusEnumType.Expired);
        }

        ArmExpiry();
    }

    private void OnStatusReported(ConnectorState connector, ConnectorStatusEnumType status)
    {
        if (status is ConnectorStatusEnumType.Unavailable or ConnectorStatusEnumType.Faulted
            && _reservations.Exists(r => r.EvseId == connector.EvseId))
        {
            // After the StatusNotification that reports it (TC_H_21_CS steps 3 and 5).
            var evseId = connector.EvseId;
            _services.Inbox.Post(ct => RemoveFromUnusableEvseAsync(evseId, ct));
        }
    }

    /// <summary>H01.FR.17: the reserved EVSE became Unavailable or Faulted: its reservation is cancelled and the CSMS
    /// hears it Removed.</summary>
    private async ValueTask RemoveFromUnusableEvseAsync(int evseId, CancellationToken cancellationToken)
    {
        if (ConditionOf(evseId) is not (EvseCondition.Unavailable or EvseCondition.Faulted))
        {
            return;
        }

        foreach (var reservation in _reservations.Where(r => r.EvseId == evseId).ToList())
        {
            await ForgetAsync(reservation, cancellationToken).ConfigureAwait(false);
            SendStatusUpdate(reservation.Id, ReservationUpdateStatusEnumType.Removed);
        }

        ApplyHeldConnectors();
    }

    private void SendStatusUpdate(int reservationId, ReservationUpdateStatusEnumType status)
    {
        LogStatusUpdate(_logger, _services.StationId, reservationId, status);
        if (!_services.CanSendToCsms)
        {
            // Not a transaction message: it is not queued (C-21), the CSMS learns it from the connector status.
            return;
        }

        _services.Link.Send(new ReservationStatusUpdateRequest { ReservationId = reservationId, ReservationUpdateStatus = status });
    }

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Station {StationId}: reservation {ReservationId} ended: {Status}")]
    private static partial void LogStatusUpdate(ILogger logger, string stationId, int reservationId, ReservationUpdateStatusEnumType status);
}
