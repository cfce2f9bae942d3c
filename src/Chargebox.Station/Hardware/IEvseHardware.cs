namespace Chargebox.Station.Hardware;

/// <summary>The hardware of one EVSE: its connectors, the relay (power path) and the energy meter.</summary>
public interface IEvseHardware
{
    /// <summary>The EVSE id, 1-based as in OCPP.</summary>
    int EvseId { get; }

    IReadOnlyList<IConnectorHardware> Connectors { get; }

    IRelay Relay { get; }

    IEnergyMeter Meter { get; }
}

/// <summary>One connector of an EVSE.</summary>
public interface IConnectorHardware
{
    /// <summary>The connector id within its EVSE, 1-based.</summary>
    int ConnectorId { get; }

    /// <summary>Whether a cable connects an EV right now; read at boot, changes arrive as events.</summary>
    bool IsCableConnected { get; }

    /// <summary>Whether the connector is faulted right now.</summary>
    bool IsFaulted { get; }

    /// <summary>The connector lock, or null where there is none (fixed cable).</summary>
    IConnectorLock? Lock { get; }
}

/// <summary>The contactor that closes the power path to the EV.</summary>
public interface IRelay
{
    bool IsClosed { get; }

    /// <summary>Closes the power path and offers the EV at most <paramref name="maxCurrentA"/> per phase.</summary>
    ValueTask CloseAsync(decimal maxCurrentA, CancellationToken cancellationToken);

    /// <summary>Changes the current offered while closed (smart charging, MaxEnergyOnInvalidId).</summary>
    ValueTask SetOfferedCurrentAsync(decimal maxCurrentA, CancellationToken cancellationToken);

    ValueTask OpenAsync(CancellationToken cancellationToken);
}

/// <summary>Outcome of a request to the connector lock.</summary>
public enum LockResult
{
    Locked,
    Unlocked,
    Failed,
}

/// <summary>The lock that holds a detachable cable in its socket.</summary>
public interface IConnectorLock
{
    bool IsLocked { get; }

    ValueTask<LockResult> LockAsync(CancellationToken cancellationToken);

    ValueTask<LockResult> UnlockAsync(CancellationToken cancellationToken);
}
