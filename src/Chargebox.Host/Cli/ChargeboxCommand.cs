using Chargebox.Host.Demo;

namespace Chargebox.Host.Cli;

/// <summary>The <c>chargebox</c> command line (docs/cli.md). Exit codes: 0 done, 1 failed, 2 a mistake in the
/// options or files given (one line on the error output, no stack trace).</summary>
internal static class ChargeboxCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private const string Usage = """
        chargebox: an OCPP 2.0.1 charging station on simulated hardware.

        Usage:
          chargebox demo [--verbose] [--data-dir DIR]
              A CSMS on 127.0.0.1 and one station in this process, a scripted charging session, and the
              timeline of the OCPP messages the CSMS received.
          chargebox run --csms URL --id IDENTITY [options]
              Runs one station against a CSMS until Ctrl+C.
              --profile FILE            station profile (JSON); default: the reference station
              --data-dir DIR            where the station keeps its state; default ./chargebox-data/IDENTITY
              --control-port N          control API on http://127.0.0.1:N/ (0: any free port)
              --security-profile 1|2|3  1: ws:// + Basic auth (default); 2: wss:// + Basic auth; 3: wss:// + client certificate
              --password P              Basic authentication password (profiles 1 and 2)
              --csms-root-cert FILE     PEM certificates that the CSMS's certificate must chain to (profiles 2 and 3)
              --client-cert FILE        the station's certificate, PEM (profile 3)
              --client-key FILE         its private key, PEM (profile 3)
              --verbose                 log every OCPP message in and out
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var rest = arguments.Skip(1).ToList();
            switch (arguments.Count > 0 ? arguments[0] : null)
            {
                case "--help" or "-h" or "help":
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    return Success;
                case "run" when rest.Contains("--help") || rest.Contains("-h"):
                case "demo" when rest.Contains("--help") || rest.Contains("-h"):
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    return Success;
                case "run":
                    return await RunCommand.RunAsync(RunOptions.Parse(rest), output, cancellationToken).ConfigureAwait(false);
                case "demo":
                    return await DemoCommand.RunAsync(DemoOptions.Parse(rest), output, cancellationToken).ConfigureAwait(false);
                case null:
                    throw new UsageException("a command is required: run or demo (see chargebox --help)");
                case var other:
                    throw new UsageException($"unknown command '{other}'; use run or demo (see chargebox --help)");
            }
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"chargebox: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }
    }
}
