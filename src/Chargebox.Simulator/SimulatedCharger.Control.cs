using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>The operations the control API and tests use to play driver, EV and technician. Unknown ids
/// throw <see cref="UnknownEvseException"/> or <see cref="UnknownConnectorException"/>; what the physical
/// situation forbids throws <see cref="InvalidSimulatorOperationException"/>; bad EV options throw
/// <see cref="ArgumentException"/>. Requests for the state something already has are idempotent.</summary>
public sealed partial class SimulatedCharger
{
    /// <summary>Plugs an EV into <paramref name="connectorId"/> (default: the EVSE's first connector) and
    /// posts CableConnected, then EvPowerDemandChanged(true) if the EV asks for power at once.</summary>
    public void Plug(int evseId, int? connectorId = null, SimulatedEvOptions? ev = null)
    {
        lock (_context.Gate)
        {
            Find(evseId).Plug(connectorId, ev ?? new SimulatedEvOptions());
        }
    }

    /// <summary>Unplugs the EV at its end and posts CableDisconnected.</summary>
    public void Unplug(int evseId)
    {
        lock (_context.Gate)
        {
            Find(evseId).Unplug();
        }
    }

    /// <summary>The EV asks for power (true) or suspends (false); posts EvPowerDemandChanged on a change.</summary>
    public void SetEvCharging(int evseId, bool demanding)
    {
        lock (_context.Gate)
        {
            Find(evseId).SetEvDemand(demanding);
        }
    }

    /// <summary>A driver presents <paramref name="token"/> at the reader, having selected
    /// <paramref name="evseId"/> first if the station offers a selection; posts IdTokenPresented.</summary>
    public void PresentToken(IdTokenType token, int? evseId = null)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (_context.Gate)
        {
            if (evseId is { } id)
            {
                Find(id);
            }

            _context.Post(new IdTokenPresented(token, evseId));
        }
    }

    /// <summary>Someone opens the enclosure: the tamper sensor fires; posts TamperDetected.</summary>
    public void TriggerTamperSensor(string? details = null)
    {
        lock (_context.Gate)
        {
            _context.Post(new TamperDetected(details));
        }
    }

    /// <summary>Faults or repairs a connector; posts ConnectorFaultChanged on a change.</summary>
    public void SetFault(int evseId, int connectorId, bool faulted)
    {
        lock (_context.Gate)
        {
            Find(evseId).SetFault(connectorId, faulted);
        }
    }

    /// <summary>Makes the connector's lock refuse further lock requests (or obey again).</summary>
    public void SetLockFailure(int evseId, int connectorId, bool failing)
    {
        lock (_context.Gate)
        {
            Find(evseId).FindLock(connectorId).LockFails = failing;
        }
    }

    /// <summary>Makes the connector's lock refuse further unlock requests (or obey again): UnlockConnector
    /// then ends in UnlockFailed.</summary>
    public void SetUnlockFailure(int evseId, int connectorId, bool failing)
    {
        lock (_context.Gate)
        {
            Find(evseId).FindLock(connectorId).UnlockFails = failing;
        }
    }

    /// <summary>Every EVSE, as the meter would read it now.</summary>
    public IReadOnlyList<SimulatedEvseStatus> GetStatus()
    {
        lock (_context.Gate)
        {
            var status = new SimulatedEvseStatus[_evses.Length];
            for (var i = 0; i < _evses.Length; i++)
            {
                status[i] = SnapshotUnderGate(_evses[i]);
            }

            return status;
        }
    }

    /// <summary>One EVSE, as the meter would read it now.</summary>
    public SimulatedEvseStatus GetStatus(int evseId)
    {
        lock (_context.Gate)
        {
            return SnapshotUnderGate(Find(evseId));
        }
    }

    private static SimulatedEvseStatus SnapshotUnderGate(SimulatedEvse evse)
    {
        evse.IntegrateToNow();
        evse.ScheduleBatteryFull();
        return evse.Snapshot();
    }
}
