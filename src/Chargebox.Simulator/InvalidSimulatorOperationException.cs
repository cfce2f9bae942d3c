namespace Chargebox.Simulator;

/// <summary>A control operation that the physical situation does not allow, such as unplugging when no EV
/// is plugged in; a control API maps it to a client error (400). The message says what is wrong.</summary>
public sealed class InvalidSimulatorOperationException : InvalidOperationException
{
    public InvalidSimulatorOperationException(string message)
        : base(message)
    {
    }
}
