using Chargebox.Host.Fleet;
using Chargebox.Host.Logging;
using Chargebox.Storage;

namespace Chargebox.Host.Cli;

/// <summary><c>chargebox fleet</c>: many stations on simulated hardware (docs/fleet.md), a summary line every
/// <see cref="FleetOptions.SummaryInterval"/>, optionally the fleet's control API, until the token is
/// cancelled (Ctrl+C, SIGTERM), when every station closes its connection normally.</summary>
internal static class FleetCommand
{
    public static Task<int> RunAsync(FleetOptions options, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(options, output, TimeProvider.System, fleetStarted: null, cancellationToken);

    /// <param name="options">The parsed options.</param>
    /// <param name="output">Where the summary lines go.</param>
    /// <param name="time">The clock of every station and of the summary.</param>
    /// <param name="fleetStarted">Told the fleet once its first station runs (tests watch it).</param>
    /// <param name="cancellationToken">Stops the fleet.</param>
    public static async Task<int> RunAsync(FleetOptions options, TextWriter output, TimeProvider time, Action<StationFleet>? fleetStarted, CancellationToken cancellationToken)
    {
        var profile = await RunCommand.LoadProfileAsync(options.ProfilePath, cancellationToken).ConfigureAwait(false);
        // Fleet mode logs warnings and worse only: ten thousand stations at Information drown the summary.
        using var loggerFactory = ConsoleLogging.Create(options.Verbose, LogLevel.Warning);
        var template = options.Connection.ToStationOptions("fleet", profile) with { LoggerFactory = loggerFactory, TimeProvider = time };

        await using var fleet = new StationFleet(options, template);
        try
        {
            await fleet.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StationStoreException ex)
        {
            throw new UsageException($"option --data-dir: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"the simulator cannot model this station: {ex.Message}");
        }

        await using var control = options.ControlPort is { } port ? await StartControlAsync(fleet, port, cancellationToken).ConfigureAwait(false) : null;
        fleetStarted?.Invoke(fleet);
        var firstId = StationIdentities.For(options.IdPrefix, 1, options.Count);
        var lastId = StationIdentities.For(options.IdPrefix, options.Count, options.Count);
        await output.WriteLineAsync($"Fleet of {options.Count} stations ({firstId}..{lastId}) → {options.Connection.CsmsUrl}, {options.Ramp}/s, scenario {options.Scenario.ToString().ToLowerInvariant()}{(control is null ? "" : $"; control API on {control.Url}")}. Ctrl+C stops.").ConfigureAwait(false);
        try
        {
            using var ticks = new PeriodicTimer(options.SummaryInterval, time);
            while (await ticks.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var summary = await fleet.GetSummaryAsync(cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync(summary.ToLine()).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"Stopping {options.Count} stations.").ConfigureAwait(false);
        }

        return ChargeboxCommand.Success;
    }

    private static async Task<FleetControlServer> StartControlAsync(StationFleet fleet, int port, CancellationToken cancellationToken)
    {
        try
        {
            return await FleetControlServer.StartAsync(fleet, port, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new UsageException($"option --control-port: cannot listen on 127.0.0.1:{port}: {ex.Message}");
        }
    }
}
