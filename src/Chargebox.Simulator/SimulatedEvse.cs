using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>One EVSE: connectors, relay, meter and the EV plugged into it, if any. The station drives it
/// through <see cref="IEvseHardware"/>; the control operations below run under the charger's gate and are
/// called only by <see cref="SimulatedCharger"/>.</summary>
internal sealed partial class SimulatedEvse : IEvseHardware, IDisposable
{
    private readonly SimulatedEvseOptions _options;
    private readonly SimulatedConnector[] _connectors;
    private readonly SimulatedRelay _relay;
    private readonly SimulatedMeter _meter;
    private SimulatedEv? _ev;
    private SimulatedConnector? _evConnector;

    public SimulatedEvse(SimulatorContext context, SimulatedEvseOptions options)
    {
        Context = context;
        _options = options;
        _connectors = options.Connectors.Select(c => new SimulatedConnector(context, c)).ToArray();
        _relay = new SimulatedRelay(this);
        MeterMemory = SimulatedMeterMemory.Load(context.MeterKeyDirectory, options.Id);
        _registerBaseWh = MeterMemory.RegisterWh ?? options.InitialEnergyWh;
        _meter = new SimulatedMeter(this);
        _wattTicksPerWh = 3600m * context.Time.TimestampFrequency;
        _settledAt = context.Time.GetTimestamp();
    }

    public int EvseId => _options.Id;

    public IReadOnlyList<IConnectorHardware> Connectors => _connectors;

    public IRelay Relay => _relay;

    public IEnergyMeter Meter => _meter;

    internal SimulatorContext Context { get; }

    /// <summary>The meter's register and page counters as kept through a restart.</summary>
    internal SimulatedMeterMemory MeterMemory { get; }

    internal SimulatedConnector FindConnector(int connectorId) =>
        Array.Find(_connectors, c => c.ConnectorId == connectorId)
        ?? throw new UnknownConnectorException(EvseId, connectorId);

    /// <summary>Under the gate. One EV per EVSE: a second plug is refused, not ignored, because a control
    /// client that believes it plugged a new EV (with other options) would otherwise be misled.</summary>
    internal void Plug(int? connectorId, SimulatedEvOptions evOptions)
    {
        var connector = connectorId is { } id ? FindConnector(id) : _connectors[0];
        if (_ev is not null)
        {
            throw new InvalidSimulatorOperationException(
                $"EVSE {EvseId} already has an EV plugged into connector {_evConnector!.ConnectorId}; unplug it first.");
        }

        var ev = new SimulatedEv(evOptions, _wattTicksPerWh);
        IntegrateToNow();
        _ev = ev;
        _evConnector = connector;
        connector.SetCableConnected(true);
        Context.Post(new CableConnected(EvseId, connector.ConnectorId));
        if (ev.Demanding)
        {
            Context.Post(new EvPowerDemandChanged(EvseId, true));
        }

        ScheduleBatteryFull();
    }

    /// <summary>Under the gate. Unplugging is at the EV end, so a locked socket does not prevent it. The
    /// relay stays as the station left it (no current flows without an EV); opening it is the station's job.</summary>
    internal void Unplug()
    {
        if (_ev is null || _evConnector is null)
        {
            throw new InvalidSimulatorOperationException($"No EV is plugged into EVSE {EvseId}.");
        }

        IntegrateToNow();
        var connector = _evConnector;
        _ev = null;
        _evConnector = null;
        connector.SetCableConnected(false);
        Context.Post(new CableDisconnected(EvseId, connector.ConnectorId));
        ScheduleBatteryFull();
    }

    /// <summary>Under the gate. Asking again for what the EV already does is idempotent and posts nothing:
    /// real hardware reports changes of the control pilot state, not requests.</summary>
    internal void SetEvDemand(bool demanding)
    {
        if (_ev is null)
        {
            throw new InvalidSimulatorOperationException($"No EV is plugged into EVSE {EvseId}.");
        }

        IntegrateToNow();
        if (demanding && _ev.IsFull)
        {
            throw new InvalidSimulatorOperationException($"The EV at EVSE {EvseId} has a full battery and asks for no power.");
        }

        if (_ev.Demanding != demanding)
        {
            _ev.Demanding = demanding;
            Context.Post(new EvPowerDemandChanged(EvseId, demanding));
        }

        ScheduleBatteryFull();
    }

    /// <summary>Under the gate. Setting the state it already has posts nothing. A fault only reports: the
    /// station decides whether to open the relay, as it must with real hardware.</summary>
    internal void SetFault(int connectorId, bool faulted)
    {
        var connector = FindConnector(connectorId);
        if (connector.TrySetFaulted(faulted))
        {
            Context.Post(new ConnectorFaultChanged(EvseId, connectorId, faulted));
        }
    }

    internal SimulatedConnectorLock FindLock(int connectorId) =>
        FindConnector(connectorId).ConnectorLock
        ?? throw new InvalidSimulatorOperationException(
            $"Connector {connectorId} of EVSE {EvseId} has a fixed cable and no lock.");

    public void Dispose()
    {
        lock (Context.Gate)
        {
            _batteryFullTimer?.Dispose();
            _batteryFullTimer = null;
        }

        _meter.Dispose();
    }
}
