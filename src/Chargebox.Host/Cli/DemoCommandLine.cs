using System.CommandLine;
using Chargebox.Host.Demo;

namespace Chargebox.Host.Cli;

/// <summary><c>chargebox demo</c> as a System.CommandLine command (see <see cref="DemoCommand"/>).</summary>
internal sealed class DemoCommandLine
{
    private readonly Option<string> _dataDirectory = new("--data-dir")
    {
        Description = "keep the station's and the demo CSMS's SQLite files here; default: a temporary directory, removed at the end",
        HelpName = "DIR",
    };

    private readonly Option<bool> _verbose = new("--verbose")
    {
        Description = "also log every OCPP message in and out",
        Validators = { OptionValues.GivenOnce },
    };

    public DemoCommandLine()
    {
        Command = new Command("demo", "A CSMS on 127.0.0.1 and one station in this process, a scripted charging session, and the timeline of the OCPP messages the CSMS received.")
        {
            _dataDirectory, _verbose,
        };
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var options = new DemoOptions(parsed.GetValue(_dataDirectory), parsed.GetValue(_verbose));
        try
        {
            return await DemoCommand.RunAsync(options, parsed.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the session did not finish, which is what exit code 1 says.
            await parsed.InvocationConfiguration.Output.WriteLineAsync("Demo stopped before the session finished.").ConfigureAwait(false);
            return ChargeboxCommand.Failure;
        }
    }
}
