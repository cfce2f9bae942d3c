namespace Chargebox.Host.Cli;

/// <summary>A mistake the user can fix (an option, a profile file, a certificate file, the data directory):
/// the command prints the one-line message and exits with code 2, never a stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);
