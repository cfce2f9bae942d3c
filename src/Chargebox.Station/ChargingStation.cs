using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;
using Chargebox.Station.Availability;
using Chargebox.Station.Connectivity;
using Chargebox.Station.CustomerInformation;
using Chargebox.Station.DataTransfer;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Diagnostics;
using Chargebox.Station.DisplayMessages;
using Chargebox.Station.Firmware;
using Chargebox.Station.Hardware;
using Chargebox.Station.Provisioning;
using Chargebox.Station.RemoteControl;
using Chargebox.Station.Reservation;
using Chargebox.Station.Runtime;
using Chargebox.Station.Security;
using Chargebox.Station.Security.Certificates;
using Chargebox.Station.Storage;
using Chargebox.Station.TariffCost;
using Chargebox.Station.Transactions;
using Chargebox.Transport.FileTransfer;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station;

/// <summary>One OCPP 2.0.1 charging station: give it hardware, a store and options, start it, and it
/// registers with its CSMS and serves it. Everything it does runs on one loop; hardware posts events
/// through <see cref="Post"/> from any thread.</summary>
public sealed class ChargingStation : IHardwareEventSink, IAsyncDisposable
{
    private readonly StationServices _services;
    private readonly AvailabilityBlock _availability;
    private readonly ResetBlock _reset;
    private readonly TransactionBlock _transactions;
    private readonly FirmwareUpdateBlock _firmware;
    private readonly CsmsConnectionSupervisor _supervisor;
    private readonly DataTransferToCsms _dataTransferToCsms;
    private readonly SecurityEventNotifications _securityNotifications;
    private readonly ReservationBlock? _reservations;
    private readonly DisplayMessageBlock? _display;
    private readonly TariffCostBlock? _tariffCost;
    private readonly CancellationTokenSource _stopping;
    private readonly List<IDisposable> _disposables = [];
    private Task? _running;
    private bool _online;

    private ChargingStation(ChargingStationOptions options, StationHardware hardware, IStationStore store, StationDeviceModel deviceModel, NetworkProfiles networkProfiles, StationInbox inbox, StationClock clock, CancellationTokenSource stopping, StationCertificates certificates)
    {
        _stopping = stopping;
        var router = new CsmsCallRouter(inbox);
        var securityEvents = new SecurityEventLog(options.Identity, store.SecurityLog, clock, inbox, options.LoggerFactory.CreateLogger<SecurityEventLog>());
        _services = new StationServices
        {
            StationId = options.Identity,
            Inbox = inbox,
            Clock = clock,
            Link = new CsmsLink(inbox, stopping.Token),
            Router = router,
            Hardware = hardware,
            Store = store,
            DeviceModel = deviceModel,
            LoggerFactory = options.LoggerFactory,
            SecurityEvents = securityEvents,
            SecurityLog = securityEvents,
            Certificates = certificates,
            FileTransfer = options.FileTransfer ?? DefaultFileTransfer.Create(),
        };

        _availability = new AvailabilityBlock(_services);
        var heartbeat = new HeartbeatBlock(_services);
        var identity = new ChargingStationType
        {
            VendorName = options.Profile.Vendor,
            Model = options.Profile.Model,
            SerialNumber = options.Profile.SerialNumber,
            FirmwareVersion = hardware.FirmwareInstaller?.RunningVersion ?? options.Profile.FirmwareVersion,
        };
        var boot = new BootSequence(_services, identity, options.BootReason, heartbeat, _availability);
        _ = new VariablesBlock(_services);
        _reset = new ResetBlock(_services, _availability);
        var trigger = new TriggerMessageBlock(_services, boot, heartbeat, _availability);
        var certificateManagement = new CertificateManagementBlock(_services, certificates);
        trigger.Register(MessageTriggerEnumType.SignChargingStationCertificate, new CertificateRenewalBlock(_services, certificates, certificateManagement).Trigger);
        var connectivity = new ConnectivityBlock(_services, options, networkProfiles, boot, heartbeat, _availability);
        _ = new NetworkProfileBlock(_services, networkProfiles, connectivity.Rotation);
        connectivity.OnlineChanged += online =>
        {
            _online = online;
            ConnectionChanged?.Invoke(online);
        };
        _disposables.Add(heartbeat);
        _disposables.Add(boot);
        _disposables.Add(new GetLogBlock(_services, ((DiagnosticsLoggerFactory)options.LoggerFactory).Log, trigger));

        // FileTransferProtocols lists what this station can really use (no curl: no FTP), not the profile's list.
        deviceModel.UpdateActual(new("OCPPCommCtrlr"), new("FileTransferProtocols"), string.Join(',', _services.FileTransfer.Protocols));

        // Transactions own their own Random so that the supervisor's back-off never shares one across threads.
        var authorization = new AuthorizationBlock(_services);
        _transactions = new TransactionBlock(_services, options.Profile, authorization, _availability, new TransactionEventQueue(_services), new Random(options.Random.Next()));
        _disposables.Add(_transactions);
        TransactionWiring.Connect(_services, _transactions, _availability, _reset, trigger, boot, connectivity);
        // H: only a station whose profile takes reservations serves ReserveNow (else CALLERROR NotSupported).
        if (options.Profile.Reservation)
        {
            _reservations = new ReservationBlock(_services, options.Profile, _availability, _transactions);
            _disposables.Add(_reservations);
        }

        _ = new DataTransferBlock(_services, options.DataTransferHandlers);
        _dataTransferToCsms = new DataTransferToCsms(_services);
        _ = new CustomerInformationBlock(_services, new AuthorizationCacheRecords(_services, authorization));

        // L01: firmware updates hold EVSEs Unavailable, wait for transactions to end, report after boot.
        _firmware = new FirmwareUpdateBlock(_services, _availability);
        _disposables.Add(_firmware);
        _availability.HeldUnavailable = _firmware.HoldsEvse;
        trigger.Register(MessageTriggerEnumType.FirmwareStatusNotification, _firmware.Trigger);
        boot.Accepted += _firmware.OnBootAccepted;
        _transactions.OnTransactionEnded(_ =>
        {
            _firmware.OnTransactionEnded();
            return ValueTask.CompletedTask;
        });

        // O: only a station whose profile has a display serves SetDisplayMessage (else CALLERROR NotSupported).
        if (options.Profile.Display is { } display)
        {
            _display = new DisplayMessageBlock(_services, display, _availability, _transactions);
            _disposables.Add(_display);
            _transactions.OnTransactionEnded(_display.RemoveEndedTransactionsAsync);
        }

        // I: only a station whose profile has tariffCost shows costs and serves CostUpdated.
        if (options.Profile.TariffCost && _display is not null)
        {
            var tariffCost = new TariffCostBlock(_services);
            _tariffCost = tariffCost;
            authorization.CsmsAnswered += tariffCost.OnAuthorized;
            _transactions.OnTransactionEventAnswered(tariffCost.OnTransactionEventAnsweredAsync);
        }

        deviceModel.Changed += change =>
        {
            if (change.Component.Name.Equals("OCPPCommCtrlr", StringComparison.OrdinalIgnoreCase)
                && change.Variable.Name.Equals("HeartbeatInterval", StringComparison.OrdinalIgnoreCase)
                && _services.CanSendToCsms)
            {
                heartbeat.Restart();
            }
        };

        _supervisor = new CsmsConnectionSupervisor(
            options.Identity,
            inbox,
            options.Connector ?? new WebSocketCsmsConnector(options.LoggerFactory),
            connectivity,
            router,
            options.TimeProvider,
            options.Random,
            options.LoggerFactory);
        _securityNotifications = new SecurityEventNotifications(_services);
        SecurityWiring.Connect(_services, securityEvents, _securityNotifications, boot, connectivity, _supervisor.DropConnection);
    }

    public string Identity => _services.StationId;

    /// <summary>Raised on the station's loop when the connection to the CSMS opens (true) or is gone (false).</summary>
    public event Action<bool>? ConnectionChanged;

    /// <summary>Whether the station is connected to its CSMS now.</summary>
    public bool IsOnline => Volatile.Read(ref _online);

    /// <summary>Why the station last asked its hardware to reboot (Reset); the host starts the next station with it.</summary>
    public BootReasonEnumType? RebootReason => _firmware.RebootReason ?? _reset.RebootReason;

    /// <summary>Builds the station: the device model from the profile and the store, availability from the store.</summary>
    public static async Task<ChargingStation> CreateAsync(ChargingStationOptions options, StationHardware hardware, IStationStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(store);
        var clock = new StationClock(options.TimeProvider);

        // N01: the diagnostics log is the station's own log; every logger the station makes also writes into it.
        options = options with { LoggerFactory = new DiagnosticsLoggerFactory(options.LoggerFactory, new DiagnosticsLog(clock, options.DiagnosticsLogCapacity)) };
        var deviceModel = DeviceModelFactory.Create(options.Profile, store.DeviceModel, clock);
        await deviceModel.LoadAsync(cancellationToken).ConfigureAwait(false);
        deviceModel.UpdateActual(new("SecurityCtrlr"), new("Identity"), options.Identity);
        deviceModel.UpdateActual(new("SecurityCtrlr"), new("SecurityProfile"), ((int)options.SecurityProfile).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var networkProfiles = await NetworkProfiles.LoadAsync(
            store.NetworkProfiles, NetworkProfiles.Installed(options, deviceModel.OcppComm.MessageTimeout), cancellationToken).ConfigureAwait(false);

        var certificates = await StationCertificates.LoadAsync(store.Certificates, new OptionsCertificates(options), cancellationToken).ConfigureAwait(false);
        var inbox = new StationInbox(options.Identity, options.LoggerFactory.CreateLogger<ChargingStation>());
        var station = new ChargingStation(options, hardware, store, deviceModel, networkProfiles, inbox, clock, new CancellationTokenSource(), certificates);
        await station._availability.LoadAsync(cancellationToken).ConfigureAwait(false);
        await station._transactions.Queue.LoadAsync(cancellationToken).ConfigureAwait(false);
        await station._securityNotifications.LoadAsync(cancellationToken).ConfigureAwait(false);
        await station._transactions.EndInterruptedAsync(cancellationToken).ConfigureAwait(false);
        await station._firmware.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (station._reservations is { } reservations)
        {
            await reservations.LoadAsync(cancellationToken).ConfigureAwait(false);
        }

        if (station._display is { } display)
        {
            await display.LoadAsync(cancellationToken).ConfigureAwait(false);
        }

        return station;
    }

    /// <summary>Starts the loop and the connection to the CSMS.</summary>
    public void Start()
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("The station is already running.");
        }

        var token = _stopping.Token;
        _running = Task.WhenAll(
            Task.Run(() => _services.Inbox.RunAsync(token), token),
            Task.Run(() => _supervisor.RunAsync(token), token));
    }

    /// <summary>Hardware reports an event; handled in order on the loop.</summary>
    public void Post(HardwareEvent hardwareEvent)
    {
        ArgumentNullException.ThrowIfNull(hardwareEvent);
        _services.Inbox.Post(_ => OnHardwareEventAsync(hardwareEvent));
    }

    /// <summary>Sends a vendor-specific DataTransferRequest to the CSMS (P02) and returns the CSMS's response.
    /// Fails with <see cref="Chargebox.Transport.OcppConnectionClosedException"/> while offline (it is not
    /// queued), <see cref="InvalidOperationException"/> before the CSMS accepted the BootNotification, and the
    /// RPC layer's exceptions when the CSMS answers with a CALLERROR or not in time.</summary>
    public async Task<DataTransferResponse> SendDataTransferAsync(DataTransferRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = await _services.Inbox.InvokeAsync(_ => ValueTask.FromResult(_dataTransferToCsms.Send(request)), cancellationToken).ConfigureAwait(false);
        return await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The station's state, read on its loop.</summary>
    public Task<StationStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        _services.Inbox.InvokeAsync(_ => ValueTask.FromResult(Snapshot()), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _services.Inbox.Complete();
        if (_running is not null)
        {
            await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        _stopping.Dispose();
    }

    private async ValueTask OnHardwareEventAsync(HardwareEvent hardwareEvent)
    {
        var token = _stopping.Token;
        switch (hardwareEvent)
        {
            case CableConnected plugged when _availability.Find(plugged.EvseId, plugged.ConnectorId) is { } connector:
                connector.CablePlugged = true;
                _availability.Refresh();
                await _transactions.OnCableConnectedAsync(plugged.EvseId, plugged.ConnectorId, token).ConfigureAwait(false);
                return;
            case CableDisconnected unplugged when _availability.Find(unplugged.EvseId, unplugged.ConnectorId) is { } connector:
                connector.CablePlugged = false;
                await _transactions.OnCableDisconnectedAsync(unplugged.EvseId, token).ConfigureAwait(false);
                break;
            case ConnectorFaultChanged fault when _availability.Find(fault.EvseId, fault.ConnectorId) is { } connector:
                connector.Faulted = fault.Faulted;
                break;
            case IdTokenPresented presented:
                await _transactions.OnIdTokenPresentedAsync(presented.IdToken, presented.EvseId, token).ConfigureAwait(false);
                return;
            case TamperDetected tamper:
                // A04: a critical security event, pushed to the CSMS and kept in the security log.
                _services.SecurityEvents.Raise(SecurityEventType.TamperDetectionActivated, tamper.Details);
                return;
            case EvPowerDemandChanged demand:
                await _transactions.OnEvPowerDemandChangedAsync(demand.EvseId, demand.Demanding, token).ConfigureAwait(false);
                return;
            default:
                return;
        }

        _availability.Refresh();
    }

    private StationStatus Snapshot() => new(
        _services.StationId,
        _services.Link.IsOnline,
        _services.Registration,
        _services.Hardware.Evses
            .Select(evse => new EvseStatus(
                evse.EvseId,
                _availability.Connectors
                    .Where(c => c.EvseId == evse.EvseId)
                    .Select(c => new ConnectorStatus(c.ConnectorId, _availability.StatusOf(c)))
                    .ToList(),
                _transactions.StatusOf(evse.EvseId)))
            .ToList(),
        _display?.Shown(),
        _tariffCost?.Shown());
}
