using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Provisioning;
using Chargebox.Station.Runtime;
using Chargebox.Transport.Reconnect;
using Chargebox.Transport.Rpc;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Station.Connectivity;

/// <summary>The station's connection to its CSMS as behaviour: which network connection profile to connect
/// with (B10: NetworkConfigurationPriority as it was at boot, NetworkProfileConnectionAttempts per slot), how to
/// back off and time out (read from the device model at each attempt), and what connecting and losing the
/// connection mean for the other blocks.</summary>
internal sealed class ConnectivityBlock : IConnectionPlanner
{
    private static readonly ComponentKey CommController = new("OCPPCommCtrlr");
    private readonly StationServices _services;
    private readonly ChargingStationOptions _options;
    private readonly NetworkProfiles _profiles;
    private readonly BootSequence _boot;
    private readonly HeartbeatBlock _heartbeat;
    private readonly AvailabilityBlock _availability;
    private readonly SecurityProfileUpgrade _upgrade;
    private readonly Security.InvalidMessageReports _invalidMessages;
    private OcppRpcOptions? _rpcOptions;

    public ConnectivityBlock(StationServices services, ChargingStationOptions options, NetworkProfiles profiles, BootSequence boot, HeartbeatBlock heartbeat, AvailabilityBlock availability)
    {
        _services = services;
        _options = options;
        _profiles = profiles;
        _boot = boot;
        _heartbeat = heartbeat;
        _availability = availability;

        // NetworkConfigurationPriority is RebootRequired: the order is fixed for this boot (B10.FR.01, B10.FR.04).
        Rotation = SlotRotation.FromPriority(
            services.DeviceModel.OcppComm.NetworkConfigurationPriority,
            slot => ConfigurationSlots.IsSupported(slot) && profiles.Usable(slot) is not null,
            ConfigurationSlots.Installed);
        _upgrade = new SecurityProfileUpgrade(services, profiles, Rotation);
        _invalidMessages = new Security.InvalidMessageReports(services.SecurityEvents, services.Clock);
        services.DeviceModel.Changed += change =>
        {
            // OCPPCommCtrlr.MessageTimeout applies to the CALLs sent from now on, on the live connection too.
            if (_rpcOptions is not null && change.Component.Name.Equals("OCPPCommCtrlr", StringComparison.OrdinalIgnoreCase)
                && change.Variable.Name.Equals("MessageTimeout", StringComparison.OrdinalIgnoreCase))
            {
                _rpcOptions.MessageTimeout = services.DeviceModel.OcppComm.MessageTimeout;
            }
        };
    }

    /// <summary>Raised on the loop when the station comes online or goes offline.</summary>
    public event Action<bool>? OnlineChanged;

    /// <summary>Which slot is tried next and which one is connected.</summary>
    public SlotRotation Rotation { get; }

    public ConnectionPlan Plan()
    {
        var model = _services.DeviceModel;
        var slot = Rotation.Current;
        var profile = _profiles.Find(slot) ?? throw new InvalidOperationException($"Configuration slot {slot} has no network connection profile.");
        var password = model.Security.BasicAuthPassword;
        var connection = new ConnectionOptions
        {
            CsmsUrl = new Uri(profile.OcppCsmsUrl),
            StationIdentity = _options.Identity,
            SecurityProfile = (OcppSecurityProfile)profile.SecurityProfile,
            BasicAuthPassword = string.IsNullOrEmpty(password) ? _options.BasicAuthPassword : password,
            CsmsRootCertificates = [.. _services.Certificates.Roots(InstallCertificateUseEnumType.CSMSRootCertificate)],
            ClientCertificate = _services.Certificates.ChargingStationCertificate,
            ClientCertificateChain = _services.Certificates.ChargingStationCertificateChain,
            WebSocketPingInterval = model.OcppComm.WebSocketPingInterval,
            TimeProvider = _services.Clock,
        };
        var backOff = new RetryBackOffSettings(
            model.OcppComm.RetryBackOffWaitMinimum,
            model.OcppComm.RetryBackOffRandomRange,
            model.OcppComm.RetryBackOffRepeatTimes);
        var rpc = new OcppRpcOptions
        {
            StationId = _options.Identity,
            MessageTimeout = TimeSpan.FromSeconds(profile.MessageTimeout),
            // Told on the receive loop; the security event is logged on the station's loop.
            InvalidMessageReceived = description => _services.Inbox.Post(() => _invalidMessages.Report(description)),
        };
        return new ConnectionPlan(slot, connection, backOff, rpc);
    }

    public ValueTask OnConnectFailedAsync(ConnectionPlan plan, Exception failure, CancellationToken cancellationToken)
    {
        Rotation.AttemptFailed(plan.ConfigurationSlot, _services.DeviceModel.OcppComm.NetworkProfileConnectionAttempts);
        if (Security.ConnectFailureEvent.For(failure) is { } securityEvent)
        {
            _services.SecurityEvents.Raise(securityEvent, failure.Message);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask OnConnectedAsync(ConnectionPlan plan, OcppRpcConnection connection, CancellationToken cancellationToken)
    {
        _rpcOptions = plan.Rpc;
        Rotation.Connected();
        await _upgrade.OnConnectedAsync((int)plan.Options.SecurityProfile, cancellationToken).ConfigureAwait(false);
        ReportConnectionInUse(plan);
        _services.Link.Attach(connection);
        if (_services.Registration == RegistrationStatusEnumType.Accepted)
        {
            // A reconnect: no new BootNotification (Part 4, 5.3); report what changed meanwhile (B04).
            _heartbeat.Restart();
            _availability.OnBackOnline(_services.DeviceModel.OcppComm.OfflineThreshold);
        }
        else
        {
            _boot.OnConnected();
        }

        OnlineChanged?.Invoke(true);
    }

    public ValueTask OnDisconnectedAsync(string reason, CancellationToken cancellationToken)
    {
        _rpcOptions = null;
        Rotation.Disconnected();
        _services.Link.Detach();
        _boot.OnDisconnected();
        _heartbeat.Stop();
        _availability.OnOffline();
        OnlineChanged?.Invoke(false);
        return ValueTask.CompletedTask;
    }

    // The device model reports the connection in use: its slot, its security profile and its message timeout.
    private void ReportConnectionInUse(ConnectionPlan plan)
    {
        var model = _services.DeviceModel;
        model.UpdateActual(CommController, new("ActiveNetworkProfile"), Invariant(plan.ConfigurationSlot));
        model.UpdateActual(new("SecurityCtrlr"), new("SecurityProfile"), Invariant((int)plan.Options.SecurityProfile));
        model.UpdateActual(CommController, new("MessageTimeout", "Default"), Invariant((int)plan.Rpc.MessageTimeout.TotalSeconds));
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
