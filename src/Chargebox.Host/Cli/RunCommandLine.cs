using System.CommandLine;

namespace Chargebox.Host.Cli;

/// <summary><c>chargebox run</c> as a System.CommandLine command: the parser checks each option's value, then
/// <see cref="CsmsConnectionOptions.CheckSecurityProfile"/> checks how they combine, then <see cref="RunCommand"/> runs.</summary>
internal sealed class RunCommandLine
{
    private readonly CsmsConnectionOptionLines _connection = new("the CSMS's OCPP endpoint without the identity: ws:// (security profile 1) or wss:// (2, 3)");

    private readonly Option<string> _id = new("--id")
    {
        Description = "the station identity (at most 48 characters, no ':' '/' '?' '#' or spaces)",
        HelpName = "IDENTITY",
        Required = true,
        Validators = { OptionValues.StationIdentity },
    };

    private readonly Option<string> _dataDirectory = new("--data-dir")
    {
        Description = "where the station keeps its state; default ./chargebox-data/IDENTITY",
        HelpName = "DIR",
    };

    private readonly Option<int?> _controlPort = new("--control-port")
    {
        Description = "serve the control API on http://127.0.0.1:N/ (0: any free port); off by default",
        HelpName = "N",
        CustomParser = result => OptionValues.WholeNumber(result, "--control-port", 0, 65535),
    };

    public RunCommandLine()
    {
        Command = new Command("run", "Runs one station on simulated hardware against a CSMS until Ctrl+C.")
        {
            _connection.Csms, _id, _connection.Profile, _dataDirectory, _controlPort,
        };
        foreach (var option in _connection.Security)
        {
            Command.Options.Add(option);
        }

        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var options = Read(parsed);
        try
        {
            return await RunCommand.RunAsync(options, parsed.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C while the station was still starting: nothing is left running, so this is a clean stop too.
            return ChargeboxCommand.Success;
        }
    }

    private RunOptions Read(ParseResult parsed)
    {
        var identity = parsed.GetRequiredValue(_id);
        return new RunOptions
        {
            Connection = _connection.Read(parsed),
            Identity = identity,
            ProfilePath = _connection.ReadProfilePath(parsed),
            DataDirectory = parsed.GetValue(_dataDirectory) ?? Path.Combine("chargebox-data", identity),
            ControlPort = parsed.GetValue(_controlPort),
            Verbose = _connection.ReadVerbose(parsed),
        };
    }
}
