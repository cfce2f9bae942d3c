namespace Chargebox.Host.Cli;

/// <summary>The options of <c>chargebox run</c> (docs/cli.md) as parsed by <see cref="RunCommandLine"/>, checked
/// before anything starts so that every mistake is one line naming the option.</summary>
internal sealed record RunOptions
{
    /// <summary>The CSMS endpoint and credentials, already checked against the security profile.</summary>
    public required CsmsConnectionOptions Connection { get; init; }

    public required string Identity { get; init; }

    public string? ProfilePath { get; init; }

    public required string DataDirectory { get; init; }

    public int? ControlPort { get; init; }

    public bool Verbose { get; init; }
}
