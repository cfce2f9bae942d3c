using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>The lock of a detachable cable. It obeys unless a test has told it to fail, which is how
/// UnlockConnector's UnlockFailed (F05) and a lock failure at transaction start are exercised.</summary>
internal sealed class SimulatedConnectorLock(SimulatorContext context) : IConnectorLock
{
    private bool _locked;

    public bool IsLocked
    {
        get
        {
            lock (context.Gate)
            {
                return _locked;
            }
        }
    }

    internal bool IsLockedUnderGate => _locked;

    /// <summary>Set under the gate: further lock requests fail and leave the lock open.</summary>
    internal bool LockFails { get; set; }

    /// <summary>Set under the gate: further unlock requests fail and leave the lock closed.</summary>
    internal bool UnlockFails { get; set; }

    public ValueTask<LockResult> LockAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.Gate)
        {
            if (LockFails)
            {
                return ValueTask.FromResult(LockResult.Failed);
            }

            _locked = true;
            return ValueTask.FromResult(LockResult.Locked);
        }
    }

    public ValueTask<LockResult> UnlockAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (context.Gate)
        {
            if (UnlockFails)
            {
                return ValueTask.FromResult(LockResult.Failed);
            }

            _locked = false;
            return ValueTask.FromResult(LockResult.Unlocked);
        }
    }
}
