using System.CommandLine;

namespace Chargebox.Host.Cli;

/// <summary>The <c>chargebox</c> command line (docs/cli.md), parsed by System.CommandLine. Exit codes: 0 done, 1 failed,
/// 2 a mistake in the options or files given (one line on the error output, no stack trace).</summary>
internal static class ChargeboxCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    /// <summary>How long Ctrl+C or SIGTERM waits for the clean stop before the process ends anyway (exit code
    /// 130 or 143). Closing the WebSocket is bounded at 2 s, so this is ample.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The process entry: console output; Ctrl+C and SIGTERM cancel the command's token for a clean stop.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> arguments) =>
        InvokeAsync(arguments, new InvocationConfiguration { ProcessTerminationTimeout = StopTimeout, EnableDefaultExceptionHandler = false }, CancellationToken.None);

    /// <summary>In-process use (tests): the given writers, and a stop by <paramref name="cancellationToken"/>
    /// instead of process signals.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        InvokeAsync(arguments, new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, cancellationToken);

    private static async Task<int> InvokeAsync(IReadOnlyList<string> arguments, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        var root = new RootCommand("chargebox: an OCPP 2.0.1 charging station on simulated hardware (docs/cli.md).")
        {
            new RunCommandLine().Command,
            new DemoCommandLine().Command,
            new FleetCommandLine().Command,
        };

        // Values are taken literally: a password or identity that starts with '@' is not a response file.
        var parsed = root.Parse(arguments, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            await configuration.Error.WriteLineAsync(ParseErrorLine.For(parsed)).ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await configuration.Error.WriteLineAsync($"chargebox: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }
    }
}
