using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Availability;

/// <summary>Functional block G: the status of every connector, StatusNotification on every change (G01),
/// after boot (B01) and after an offline period (B04), and ChangeAvailability for the station, an EVSE or a
/// connector (G03, G04), persisted across reboots.</summary>
internal sealed class AvailabilityBlock
{
    private readonly StationServices _services;
    private readonly List<ConnectorState> _connectors = [];
    private readonly Dictionary<AvailabilityScope, bool> _operative = [];
    private readonly Dictionary<AvailabilityScope, bool> _scheduled = [];
    private DateTimeOffset? _offlineSince;

    public AvailabilityBlock(StationServices services)
    {
        _services = services;
        foreach (var evse in services.Hardware.Evses)
        {
            foreach (var connector in evse.Connectors)
            {
                _connectors.Add(new ConnectorState(evse.EvseId, connector.ConnectorId)
                {
                    CablePlugged = connector.IsCableConnected,
                    Faulted = connector.IsFaulted,
                });
            }
        }

        services.Router.On<ChangeAvailabilityRequest, ChangeAvailabilityResponse>(ChangeAvailabilityAsync);
    }

    /// <summary>Tells whether a transaction runs on an EVSE; set by the transactions block.</summary>
    public Func<int, bool> EvseInUse { get; set; } = static _ => false;

    /// <summary>Tells whether an EVSE's transaction keeps its connectors Occupied without a cable; set by the
    /// transactions block. Unset, every transaction does. A transaction suspended by an EV-side disconnect
    /// (E10) does not: the connector is Available again (TC_E_26_CS step 3).</summary>
    public Func<int, bool>? EvseOccupied { get; set; }

    /// <summary>Tells whether an EVSE is kept Unavailable without a ChangeAvailability (nothing persisted): set
    /// by the firmware block while an update waits to install (L01.FR.07).</summary>
    public Func<int, bool> HeldUnavailable { get; set; } = static _ => false;

    /// <summary>Told of every status reported (or due while offline); set by the reservation block, which cancels
    /// the reservation of an EVSE that turned Unavailable or Faulted (H01.FR.17).</summary>
    public Action<ConnectorState, ConnectorStatusEnumType>? StatusReported { get; set; }

    public IReadOnlyList<ConnectorState> Connectors => _connectors;

    /// <summary>Reads the availability kept across reboots (G03.FR.05 and following).</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var (scope, operative) in await _services.Store.Availability.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            _operative[scope] = operative;
        }

        foreach (var connector in _connectors)
        {
            connector.Reported = null;
        }
    }

    public ConnectorStatusEnumType StatusOf(ConnectorState connector) =>
        ConnectorStatusRules.Status(connector, IsOperative(connector.EvseId, connector.ConnectorId), EvseInUse(connector.EvseId), (EvseOccupied ?? EvseInUse)(connector.EvseId));

    public bool IsOperative(int evseId, int connectorId) =>
        !HeldUnavailable(evseId) && Operative(AvailabilityScope.Station) && Operative(new AvailabilityScope(evseId, null)) && Operative(new AvailabilityScope(evseId, connectorId));

    /// <summary>Whether the EVSE may start a new transaction.</summary>
    public bool IsEvseAvailableForCharging(int evseId) =>
        _connectors.Any(c => c.EvseId == evseId && !c.Faulted && IsOperative(c.EvseId, c.ConnectorId));

    public ConnectorState? Find(int evseId, int connectorId) =>
        _connectors.Find(c => c.EvseId == evseId && c.ConnectorId == connectorId);

    /// <summary>Sends a StatusNotification for every connector (after BootNotification Accepted, B01; and
    /// after an offline period longer than OfflineThreshold, B04.FR.01).</summary>
    public void ReportAll()
    {
        foreach (var connector in _connectors)
        {
            Report(connector, StatusOf(connector));
        }
    }

    /// <summary>Re-evaluates every connector and reports those whose status changed.</summary>
    public void Refresh()
    {
        foreach (var connector in _connectors)
        {
            var status = StatusOf(connector);
            if (status != connector.Reported)
            {
                Report(connector, status);
            }
        }
    }

    /// <summary>The connection is gone: changes from now on are reported after reconnecting.</summary>
    public void OnOffline() => _offlineSince ??= _services.Clock.GetUtcNow();

    /// <summary>Back online and registered: report per B04 — everything after a long outage, else only what changed.</summary>
    public void OnBackOnline(TimeSpan offlineThreshold)
    {
        var since = _offlineSince;
        _offlineSince = null;
        if (since is null)
        {
            return;
        }

        if (_services.Clock.GetUtcNow() - since.Value > offlineThreshold)
        {
            ReportAll();
            return;
        }

        foreach (var connector in _connectors)
        {
            var status = StatusOf(connector);
            if (connector.ChangedWhileOffline || status != connector.Reported)
            {
                Report(connector, status);
            }
        }
    }

    /// <summary>Applies availability changes that waited for a transaction to end (G03.FR.05 Scheduled).</summary>
    public async ValueTask ApplyScheduledAsync(CancellationToken cancellationToken)
    {
        foreach (var (scope, operative) in _scheduled.ToList())
        {
            if (scope.EvseId is { } evseId ? !EvseInUse(evseId) : !AnyEvseInUse())
            {
                _scheduled.Remove(scope);
                await SetOperativeAsync(scope, operative, cancellationToken).ConfigureAwait(false);
            }
        }

        Refresh();
    }

    private async ValueTask<ChangeAvailabilityResponse> ChangeAvailabilityAsync(ChangeAvailabilityRequest request, CancellationToken cancellationToken)
    {
        var operative = request.OperationalStatus == OperationalStatusEnumType.Operative;
        AvailabilityScope scope;
        if (request.Evse is not { } evse || evse.Id == 0)
        {
            scope = AvailabilityScope.Station;
        }
        else if (!_connectors.Any(c => c.EvseId == evse.Id && (evse.ConnectorId is null || c.ConnectorId == evse.ConnectorId)))
        {
            return new ChangeAvailabilityResponse
            {
                Status = ChangeAvailabilityStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = "UnknownEvse", AdditionalInfo = $"No EVSE {evse.Id}{(evse.ConnectorId is { } c ? $" connector {c}" : "")} at this station." },
            };
        }
        else
        {
            scope = new AvailabilityScope(evse.Id, evse.ConnectorId);
        }

        var inUse = scope.EvseId is { } id ? EvseInUse(id) : AnyEvseInUse();
        if (inUse && !operative)
        {
            // G03.FR.05 / G04.FR.05: a running transaction is not interrupted; the change waits for its end.
            _scheduled[scope] = operative;
            return new ChangeAvailabilityResponse { Status = ChangeAvailabilityStatusEnumType.Scheduled };
        }

        _scheduled.Remove(scope);
        await SetOperativeAsync(scope, operative, cancellationToken).ConfigureAwait(false);

        // The statuses follow the response (G03.FR.04 / G04.FR.03). Every connector in scope is reported even
        // when its status did not change: the CSMS asked about them (TC_G_13_CS step 3 expects the report
        // for Inoperative to Inoperative).
        _services.Router.AfterAnswer(() =>
        {
            foreach (var connector in _connectors.Where(c => InScope(scope, c)))
            {
                Report(connector, StatusOf(connector));
            }

            Refresh();
        });
        return new ChangeAvailabilityResponse { Status = ChangeAvailabilityStatusEnumType.Accepted };
    }

    private static bool InScope(AvailabilityScope scope, ConnectorState connector) =>
        (scope.EvseId is null || scope.EvseId == connector.EvseId) && (scope.ConnectorId is null || scope.ConnectorId == connector.ConnectorId);

    private async ValueTask SetOperativeAsync(AvailabilityScope scope, bool operative, CancellationToken cancellationToken)
    {
        // Persist first: once the CSMS hears Accepted, the setting must survive a power cut.
        await _services.Store.Availability.SaveAsync(scope, operative, cancellationToken).ConfigureAwait(false);
        _operative[scope] = operative;
    }

    private bool Operative(AvailabilityScope scope) => !_operative.TryGetValue(scope, out var operative) || operative;

    private bool AnyEvseInUse() => _services.Hardware.Evses.Any(e => EvseInUse(e.EvseId));

    /// <summary>The StatusNotification that reports <paramref name="connector"/> as it is now.</summary>
    public StatusNotificationRequest StatusNotification(ConnectorState connector) => StatusNotification(connector, StatusOf(connector));

    private StatusNotificationRequest StatusNotification(ConnectorState connector, ConnectorStatusEnumType status) => new()
    {
        Timestamp = _services.Clock.GetUtcNow(),
        ConnectorStatus = status,
        EvseId = connector.EvseId,
        ConnectorId = connector.ConnectorId,
    };

    private void Report(ConnectorState connector, ConnectorStatusEnumType status)
    {
        connector.Reported = status;
        StatusReported?.Invoke(connector, status);
        if (!_services.CanSendToCsms)
        {
            connector.ChangedWhileOffline = true;
            return;
        }

        connector.ChangedWhileOffline = false;
        _services.Link.Send(
            StatusNotification(connector, status),
            static (_, _) => ValueTask.CompletedTask,
            (_, _) =>
            {
                // Lost with the connection before the CSMS answered: report it again after reconnecting (B04.FR.02).
                connector.ChangedWhileOffline = true;
                return ValueTask.CompletedTask;
            });
    }
}
