using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>A simulated charging station's hardware: the station drives it through the hardware ports
/// (<see cref="Evses"/>, <see cref="Power"/>) exactly as it would drive a real charger, and the host's
/// control API and tests steer it from outside (plug an EV, present a card, inject a fault). Every member
/// is safe to call from any thread.</summary>
public sealed partial class SimulatedCharger : IDisposable
{
    private readonly SimulatorContext _context;
    private readonly SimulatedEvse[] _evses;
    private readonly SimulatedStationPower _power;
    private readonly SimulatedFirmwareInstaller _firmware;

    /// <param name="options">The EVSEs and connectors; see <see cref="SimulatedChargerOptions.Default"/>.</param>
    /// <param name="timeProvider">The only clock the simulator reads: meter integration, timestamps, timers.</param>
    /// <param name="eventSink">Where hardware events go; may be attached later with <see cref="AttachEventSink"/>.</param>
    public SimulatedCharger(SimulatedChargerOptions options, TimeProvider timeProvider, IHardwareEventSink? eventSink = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        SimulatedChargerOptionsValidator.Validate(options);
        _context = new SimulatorContext(timeProvider) { Sink = eventSink, MeterKeyDirectory = options.MeterKeyDirectory };
        _evses = options.Evses.Select(e => new SimulatedEvse(_context, e)).ToArray();
        _firmware = new SimulatedFirmwareInstaller(_context);
        _power = new SimulatedStationPower(_context) { OnRebootUnderGate = _firmware.OnRebootUnderGate };
    }

    /// <summary>The EVSEs in the order of the options.</summary>
    public IReadOnlyList<IEvseHardware> Evses => _evses;

    /// <summary>Reboot requests go to the handler given to <see cref="AttachRebootHandler"/>.</summary>
    public IStationPower Power => _power;

    /// <summary>The firmware store: installs images and activates them on the next reboot.</summary>
    public SimulatedFirmwareInstaller Firmware => _firmware;

    /// <summary>When the station asked to reboot, oldest first.</summary>
    public IReadOnlyList<DateTimeOffset> RebootRequests
    {
        get
        {
            lock (_context.Gate)
            {
                return _power.RequestsUnderGate;
            }
        }
    }

    /// <exception cref="UnknownEvseException">No EVSE has this id.</exception>
    public IEvseHardware GetEvse(int evseId) => Find(evseId);

    /// <summary>Sends further events to <paramref name="eventSink"/> (null: drop them). The station is built
    /// after its hardware, and again after a reboot; events before any sink is attached are dropped, and the
    /// station reads the state through the ports when it starts.</summary>
    public void AttachEventSink(IHardwareEventSink? eventSink)
    {
        lock (_context.Gate)
        {
            _context.Sink = eventSink;
        }
    }

    /// <summary>What <see cref="IStationPower.RebootAsync"/> calls after recording the request; the host
    /// restarts the station in it.</summary>
    public void AttachRebootHandler(Func<CancellationToken, ValueTask>? rebootHandler)
    {
        lock (_context.Gate)
        {
            _power.RebootHandler = rebootHandler;
        }
    }

    /// <summary>Stops the battery-full timers; the charger must not be used afterwards.</summary>
    public void Dispose()
    {
        foreach (var evse in _evses)
        {
            evse.Dispose();
        }
    }

    private SimulatedEvse Find(int evseId) =>
        Array.Find(_evses, e => e.EvseId == evseId) ?? throw new UnknownEvseException(evseId);
}
