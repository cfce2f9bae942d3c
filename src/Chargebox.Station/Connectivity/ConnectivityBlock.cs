using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.Provisioning;
using Chargebox.Station.Runtime;
using Chargebox.Transport.Reconnect;
using Chargebox.Transport.Rpc;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Station.Connectivity;

/// <summary>The station's connection to its CSMS as behaviour: what to connect with (URL, security
/// profile, credentials, ping interval, back-off, message timeout, all read from the device model at
/// each attempt) and what connecting and losing the connection mean for the other blocks.</summary>
internal sealed class ConnectivityBlock : IConnectionPlanner
{
    private readonly StationServices _services;
    private readonly ChargingStationOptions _options;
    private readonly BootSequence _boot;
    private readonly HeartbeatBlock _heartbeat;
    private readonly AvailabilityBlock _availability;
    private OcppRpcOptions? _rpcOptions;

    public ConnectivityBlock(StationServices services, ChargingStationOptions options, BootSequence boot, HeartbeatBlock heartbeat, AvailabilityBlock availability)
    {
        _services = services;
        _options = options;
        _boot = boot;
        _heartbeat = heartbeat;
        _availability = availability;
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

    public ConnectionPlan Plan()
    {
        var model = _services.DeviceModel;
        var password = model.Security.BasicAuthPassword;
        var connection = new ConnectionOptions
        {
            CsmsUrl = _options.CsmsUrl,
            StationIdentity = _options.Identity,
            SecurityProfile = _options.SecurityProfile,
            BasicAuthPassword = string.IsNullOrEmpty(password) ? _options.BasicAuthPassword : password,
            CsmsRootCertificates = _options.CsmsRootCertificates,
            ClientCertificate = _options.ClientCertificate,
            WebSocketPingInterval = model.OcppComm.WebSocketPingInterval,
            TimeProvider = _services.Clock,
        };
        var backOff = new RetryBackOffSettings(
            model.OcppComm.RetryBackOffWaitMinimum,
            model.OcppComm.RetryBackOffRandomRange,
            model.OcppComm.RetryBackOffRepeatTimes);
        var rpc = new OcppRpcOptions { StationId = _options.Identity, MessageTimeout = model.OcppComm.MessageTimeout };
        return new ConnectionPlan(0, connection, backOff, rpc);
    }

    public ValueTask OnConnectFailedAsync(ConnectionPlan plan, Exception failure, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    public ValueTask OnConnectedAsync(ConnectionPlan plan, OcppRpcConnection connection, CancellationToken cancellationToken)
    {
        _rpcOptions = plan.Rpc;
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
        return ValueTask.CompletedTask;
    }

    public ValueTask OnDisconnectedAsync(string reason, CancellationToken cancellationToken)
    {
        _rpcOptions = null;
        _services.Link.Detach();
        _boot.OnDisconnected();
        _heartbeat.Stop();
        _availability.OnOffline();
        OnlineChanged?.Invoke(false);
        return ValueTask.CompletedTask;
    }
}
