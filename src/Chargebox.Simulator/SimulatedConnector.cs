using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>One connector: whether an EV's cable is in it, whether it is faulted, and its lock if the
/// cable is detachable. State changes only under the charger's gate; the station reads it from its loop.</summary>
internal sealed class SimulatedConnector : IConnectorHardware
{
    private readonly SimulatorContext _context;
    private bool _cableConnected;
    private bool _faulted;

    public SimulatedConnector(SimulatorContext context, SimulatedConnectorOptions options)
    {
        _context = context;
        ConnectorId = options.Id;
        ConnectorLock = options.HasLock ? new SimulatedConnectorLock(context) : null;
    }

    public int ConnectorId { get; }

    public bool IsCableConnected
    {
        get
        {
            lock (_context.Gate)
            {
                return _cableConnected;
            }
        }
    }

    public bool IsFaulted
    {
        get
        {
            lock (_context.Gate)
            {
                return _faulted;
            }
        }
    }

    public IConnectorLock? Lock => ConnectorLock;

    internal SimulatedConnectorLock? ConnectorLock { get; }

    /// <summary>Under the gate.</summary>
    internal void SetCableConnected(bool connected) => _cableConnected = connected;

    /// <summary>Under the gate. Returns false when nothing changed, so no event is due.</summary>
    internal bool TrySetFaulted(bool faulted)
    {
        if (_faulted == faulted)
        {
            return false;
        }

        _faulted = faulted;
        return true;
    }

    /// <summary>Under the gate.</summary>
    internal SimulatedConnectorStatus Snapshot() => new(
        ConnectorId,
        _cableConnected,
        _faulted,
        HasLock: ConnectorLock is not null,
        Locked: ConnectorLock?.IsLockedUnderGate ?? false);
}
