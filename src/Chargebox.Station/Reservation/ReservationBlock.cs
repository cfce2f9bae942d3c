using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.DeviceModel.Accessors;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Chargebox.Station.Transactions;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Reservation;

/// <summary>Functional block H: ReserveNow (H01), CancelReservation (H02), the use of a reservation by its driver
/// (H03, through <see cref="IEvseReservations"/>) and its expiry (H04). Reservations are persisted before the CSMS
/// hears Accepted; the connectors of a held EVSE report Reserved. Built only when the station profile takes
/// reservations. All methods run on the station's loop.</summary>
internal sealed partial class ReservationBlock : IEvseReservations, IDisposable
{
    private readonly StationServices _services;
    private readonly AvailabilityBlock _availability;
    private readonly TransactionBlock _transactions;
    private readonly ReservationCtrlr _controller;
    private readonly IReadOnlyDictionary<int, IReadOnlyList<string>> _connectorTypes;
    private readonly List<ActiveReservation> _reservations = [];
    private readonly StationTimer _expiry;
    private readonly ILogger _logger;

    public ReservationBlock(StationServices services, StationProfile profile, AvailabilityBlock availability, TransactionBlock transactions)
    {
        _services = services;
        _availability = availability;
        _transactions = transactions;
        _controller = new ReservationCtrlr(services.DeviceModel);
        _connectorTypes = services.Hardware.Evses.ToDictionary(
            e => e.EvseId,
            e => (IReadOnlyList<string>)[.. profile.Evses.FirstOrDefault(p => p.Id == e.EvseId)?.Connectors.Select(c => c.Type) ?? []]);
        _expiry = new StationTimer(services.Inbox, services.Clock.Inner, OnExpiryAsync);
        _logger = services.LoggerFactory.CreateLogger<ReservationBlock>();
        services.Router.On<ReserveNowRequest, ReserveNowResponse>(ReserveNowAsync);
        services.Router.On<CancelReservationRequest, CancelReservationResponse>(CancelReservationAsync);
        availability.StatusReported = OnStatusReported;
        transactions.Reservations = this;
    }

    /// <summary>Reads the reservations kept across a reboot and marks their connectors Reserved (reported after the
    /// boot); those that expired meanwhile expire at once. Call before the loop runs.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var stored in await _services.Store.Reservations.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ActiveReservation.From(stored) is { } reservation && (reservation.EvseId is null || _connectorTypes.ContainsKey(reservation.EvseId.Value)))
            {
                _reservations.Add(reservation);
            }
            else
            {
                await _services.Store.Reservations.RemoveAsync(stored.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        MarkHeldConnectors();
        ArmExpiry();
    }

    public bool MayStart(int evseId, IdTokenType token, IdTokenType? groupIdToken)
    {
        if (_reservations.Find(r => r.EvseId == evseId) is { } reserved)
        {
            return reserved.IsFor(token, groupIdToken);
        }

        var unspecified = _reservations.Where(r => r.EvseId is null).ToList();
        if (unspecified.Count == 0 || unspecified.Exists(r => r.IsFor(token, groupIdToken) && Fits(r, evseId)))
        {
            return true;
        }

        // H01.FR.20: a driver without a reservation may take this EVSE only if enough others stay free for those
        // who hold one.
        var freeOthers = _connectorTypes.Keys.Count(id => id != evseId && ConditionOf(id) == EvseCondition.Free);
        return freeOthers >= unspecified.Count;
    }

    public async ValueTask<int?> UseAsync(int evseId, IdTokenType token, IdTokenType? groupIdToken, CancellationToken cancellationToken)
    {
        var used = _reservations.Find(r => r.EvseId == evseId && r.IsFor(token, groupIdToken))
            ?? _reservations.Find(r => r.EvseId is null && r.IsFor(token, groupIdToken) && Fits(r, evseId));
        if (used is null)
        {
            return null;
        }

        // H03.FR.10: a used reservation ends; its connectors are free for the driver who used it.
        await ForgetAsync(used, cancellationToken).ConfigureAwait(false);
        LogUsed(_logger, _services.StationId, used.Id, evseId);
        ApplyHeldConnectors();
        return used.Id;
    }

    public void Dispose() => _expiry.Dispose();

    private async ValueTask<ReserveNowResponse> ReserveNowAsync(ReserveNowRequest request, CancellationToken cancellationToken)
    {
        // H01.FR.01: a station configured not to take reservations rejects them.
        if (!_controller.Enabled)
        {
            return Answer(ReserveNowStatusEnumType.Rejected, "ReservationDisabled", "ReservationCtrlr.Enabled is false.");
        }

        if (request.ExpiryDateTime <= _services.Clock.GetUtcNow())
        {
            return Answer(ReserveNowStatusEnumType.Rejected, "InvalidValue", "expiryDateTime has passed.");
        }

        var status = request.EvseId is { } evseId ? ForEvse(evseId, request) : ForAnyEvse(request);
        if (status.Status != ReserveNowStatusEnumType.Accepted)
        {
            LogRefused(_logger, _services.StationId, request.Id, status.Status);
            return status;
        }

        // H01.FR.02: a reservation with the same id is replaced. Persisted before the CSMS hears Accepted.
        var reservation = ActiveReservation.From(request);
        await _services.Store.Reservations.SaveAsync(reservation.ToStored(), cancellationToken).ConfigureAwait(false);
        var replaced = _reservations.RemoveAll(r => r.Id == reservation.Id) > 0;
        _reservations.Add(reservation);
        ArmExpiry();

        // H01.FR.15: the connectors turn Reserved after the response. A replacement reports its EVSE's connectors
        // even when they were Reserved already: the CSMS asked about them (TC_H_23_CS step 3).
        _services.Router.AfterAnswer(() =>
        {
            if (replaced && reservation.EvseId is { } reservedEvse)
            {
                foreach (var connector in _availability.Connectors.Where(c => c.EvseId == reservedEvse))
                {
                    connector.Reported = null;
                }
            }

            ApplyHeldConnectors();
        });
        return status;
    }

    private ReserveNowResponse ForEvse(int evseId, ReserveNowRequest request)
    {
        if (!_connectorTypes.TryGetValue(evseId, out var types))
        {
            return Answer(ReserveNowStatusEnumType.Rejected, "UnknownEvse", $"No EVSE {evseId} at this station.");
        }

        if (request.ConnectorType is { } type && !types.Contains(type.ToWireString()))
        {
            return Answer(ReserveNowStatusEnumType.Rejected, "UnknownConnectorType", $"EVSE {evseId} has no {type.ToWireString()} connector.");
        }

        return Answer(ReserveNowRules.ForEvse(ConditionOf(evseId, ignoring: request.Id)));
    }

    private ReserveNowResponse ForAnyEvse(ReserveNowRequest request)
    {
        // H01.FR.19: without NonEvseSpecific, a reservation must name its EVSE.
        if (!_controller.NonEvseSpecific)
        {
            return Answer(ReserveNowStatusEnumType.Rejected, "EvseRequired", "This station reserves only a specific EVSE (ReservationCtrlr.NonEvseSpecific is false).");
        }

        var type = request.ConnectorType?.ToWireString();
        var candidates = _connectorTypes.Where(e => type is null || e.Value.Contains(type)).Select(e => e.Key).ToList();
        if (candidates.Count == 0)
        {
            return Answer(ReserveNowStatusEnumType.Rejected, "UnknownConnectorType", $"No EVSE at this station has a {type} connector.");
        }

        var unspecified = _reservations.Count(r => r.EvseId is null && r.Id != request.Id);
        return Answer(ReserveNowRules.ForAnyEvse([.. candidates.Select(id => ConditionOf(id, ignoring: request.Id))], unspecified));
    }

    private async ValueTask<CancelReservationResponse> CancelReservationAsync(CancelReservationRequest request, CancellationToken cancellationToken)
    {
        // H02.FR.01: an unknown id is Rejected.
        if (_reservations.Find(r => r.Id == request.ReservationId) is not { } reservation)
        {
            return new CancelReservationResponse
            {
                Status = CancelReservationStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = "UnknownReservation", AdditionalInfo = $"No reservation {request.ReservationId} is held here." },
            };
        }

        // H02.FR.02: cancelled, and the connectors are Available again after the response.
        await ForgetAsync(reservation, cancellationToken).ConfigureAwait(false);
        _services.Router.AfterAnswer(ApplyHeldConnectors);
        return new CancelReservationResponse { Status = CancelReservationStatusEnumType.Accepted };
    }

    private static ReserveNowResponse Answer(ReserveNowStatusEnumType status, string? reason = null, string? info = null) => new()
    {
        Status = status,
        StatusInfo = reason is null ? null : new StatusInfoType { ReasonCode = reason, AdditionalInfo = info },
    };

    [LoggerMessage(EventId = 4300, Level = LogLevel.Information, Message = "Station {StationId}: reservation {ReservationId} not made ({Status})")]
    private static partial void LogRefused(ILogger logger, string stationId, int reservationId, ReserveNowStatusEnumType status);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Station {StationId}: reservation {ReservationId} used on EVSE {EvseId}")]
    private static partial void LogUsed(ILogger logger, string stationId, int reservationId, int evseId);
}
