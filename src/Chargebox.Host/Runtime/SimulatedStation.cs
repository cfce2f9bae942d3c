using System.Threading.Channels;
using Chargebox.Protocol.Messages;
using Chargebox.Simulator;
using Chargebox.Station;
using Chargebox.Station.Runtime;
using Chargebox.Station.Storage;
using Microsoft.Extensions.Logging;

namespace Chargebox.Host.Runtime;

/// <summary>One charging station on simulated hardware, as the host runs it: the hardware and the store
/// outlive the <see cref="ChargingStation"/>, which is rebuilt on a Reset (boot reason from the station)
/// and on a power cycle (PowerUp), the way a charger's controller restarts next to its hardware.</summary>
internal sealed partial class SimulatedStation : IAsyncDisposable
{
    /// <summary>How long an orderly close may wait for the CSMS's closing handshake.</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly ChargingStationOptions _options;
    private readonly IStationStore _store;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Channel<bool> _reboots = Channel.CreateUnbounded<bool>();
    private readonly CancellationTokenSource _stopping = new();
    private ChargingStation? _station;
    private Task? _rebootLoop;

    private SimulatedStation(ChargingStationOptions options, IStationStore store, SimulatedCharger charger, NetworkSwitch network)
    {
        _options = options;
        _store = store;
        Charger = charger;
        Network = network;
        _logger = options.LoggerFactory.CreateLogger<SimulatedStation>();
    }

    public string Identity => _options.Identity;

    /// <summary>The simulated hardware: the control API plays driver, EV and technician on it.</summary>
    public SimulatedCharger Charger { get; }

    public NetworkSwitch Network { get; }

    /// <summary>Builds the hardware from the profile's layout, its meters' state in memory only, and starts the
    /// station over <paramref name="store"/>, which it owns from now on.</summary>
    /// <exception cref="ArgumentException">The simulator cannot model the profile's layout.</exception>
    public static Task<SimulatedStation> StartAsync(ChargingStationOptions options, IStationStore store, CancellationToken cancellationToken) =>
        StartAsync(options, store, hardwareDirectory: null, cancellationToken);

    /// <summary>Builds the hardware from the profile's layout and starts the station over
    /// <paramref name="store"/>, which it owns from now on. <paramref name="hardwareDirectory"/> is where the
    /// simulated meters keep their keys, registers and page counters across processes, as a real charger's
    /// meters keep them through a power cut; null: in memory only.</summary>
    /// <exception cref="ArgumentException">The simulator cannot model the profile's layout.</exception>
    public static async Task<SimulatedStation> StartAsync(ChargingStationOptions options, IStationStore store, string? hardwareDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        var layout = SimulatorLayout.FromProfile(options.Profile) with { MeterKeyDirectory = hardwareDirectory };
        var charger = new SimulatedCharger(layout, options.TimeProvider);
        var network = new NetworkSwitch(options.Connector ?? new WebSocketCsmsConnector(options.LoggerFactory));
        var host = new SimulatedStation(options, store, charger, network);
        charger.AttachRebootHandler(host.OnRebootRequested);
        try
        {
            host._station = await host.BootAsync(options.BootReason, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            charger.Dispose();
            throw;
        }

        host._rebootLoop = Task.Run(() => host.RunRebootsAsync(host._stopping.Token), CancellationToken.None);
        return host;
    }

    /// <summary>The station's state with the meter figures of the simulated hardware.</summary>
    public async Task<(StationStatus Station, IReadOnlyList<SimulatedEvseStatus> Hardware)> GetStatusAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var station = await Current.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            return (station, Charger.GetStatus());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Power is cut and comes back: the connection drops without a close, volatile state is lost,
    /// the store is kept, and the station boots again with reason PowerUp.</summary>
    public async Task PowerCycleAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            LogPowerCycle(_logger, Identity);
            await RestartAsync(orderly: false, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _reboots.Writer.TryComplete();
        if (_rebootLoop is not null)
        {
            await _rebootLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            if (_station is not null)
            {
                await StopAsync(_station, orderly: true).ConfigureAwait(false);
                _station = null;
            }

            Charger.AttachRebootHandler(null);
            Charger.Dispose();
            await _store.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private ChargingStation Current => _station ?? throw new ObjectDisposedException(nameof(SimulatedStation));

    // Called on the station's loop: restarting from here would wait for the loop to end, so the restart
    // is handed to the reboot loop and the station carries on until it is disposed there.
    private ValueTask OnRebootRequested(CancellationToken cancellationToken)
    {
        _reboots.Writer.TryWrite(true);
        return ValueTask.CompletedTask;
    }

    private async Task RunRebootsAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in _reboots.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await RestartAsync(orderly: true, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>Under the gate: stops the station and boots a new one over the same hardware and store.</summary>
    private async Task RestartAsync(bool orderly, CancellationToken cancellationToken)
    {
        var old = Current;
        _station = null;
        await StopAsync(old, orderly).ConfigureAwait(false);
        var reason = orderly ? old.RebootReason ?? BootReasonEnumType.RemoteReset : BootReasonEnumType.PowerUp;
        LogRestart(_logger, Identity, reason);
        _station = await BootAsync(reason, cancellationToken).ConfigureAwait(false);
    }

    private async Task StopAsync(ChargingStation station, bool orderly)
    {
        Charger.AttachEventSink(null);
        Network.Hold(true);
        if (orderly)
        {
            // Wait until the station has read the CSMS's answering close frame: aborting a socket with
            // unread data (say, the reply to a BootNotification still in flight) makes the kernel send a
            // reset, which can destroy the close frame before the CSMS reads it.
            var offline = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnConnectionChanged(bool online)
            {
                if (!online)
                {
                    offline.TrySetResult();
                }
            }

            station.ConnectionChanged += OnConnectionChanged;
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await Network.CloseLiveConnectionAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (station.IsOnline)
            {
                await offline.Task.WaitAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            station.ConnectionChanged -= OnConnectionChanged;
        }
        else
        {
            await Network.CutLiveConnectionAsync().ConfigureAwait(false);
        }

        await station.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<ChargingStation> BootAsync(BootReasonEnumType reason, CancellationToken cancellationToken)
    {
        var options = _options with { BootReason = reason, Connector = Network };
        var station = await ChargingStation.CreateAsync(
            options,
            new() { Evses = Charger.Evses, Power = Charger.Power, FirmwareInstaller = Charger.Firmware },
            _store,
            cancellationToken).ConfigureAwait(false);
        Charger.AttachEventSink(station);
        Network.Hold(false);
        station.Start();
        return station;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Station {StationId}: power cut and restored")]
    private static partial void LogPowerCycle(ILogger logger, string stationId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Station {StationId}: booting again with reason {BootReason}")]
    private static partial void LogRestart(ILogger logger, string stationId, BootReasonEnumType bootReason);
}
