using Chargebox.Host.Control;
using Chargebox.Host.Logging;
using Chargebox.Host.Runtime;
using Chargebox.Station;
using Chargebox.Station.Profiles;
using Chargebox.Storage;

namespace Chargebox.Host.Cli;

/// <summary><c>chargebox run</c>: one station on simulated hardware, its SQLite store, and optionally the
/// control API, until the token is cancelled (Ctrl+C).</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(RunOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var profile = await LoadProfileAsync(options.ProfilePath, cancellationToken).ConfigureAwait(false);
        var stationOptions = options.Connection.ToStationOptions(options.Identity, profile);

        using var loggerFactory = ConsoleLogging.Create(options.Verbose);
        await using var station = await StartStationAsync(stationOptions with { LoggerFactory = loggerFactory }, options.DataDirectory, cancellationToken).ConfigureAwait(false);
        await using var control = options.ControlPort is { } port ? await StartControlApiAsync(station, port, cancellationToken).ConfigureAwait(false) : null;
        await output.WriteLineAsync($"Station {options.Identity} → {options.Connection.CsmsUrl} (data in {Path.GetFullPath(options.DataDirectory)}){(control is null ? "" : $"; control API on {control.Url}")}. Ctrl+C stops.").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await output.WriteLineAsync($"Stopping station {options.Identity}.").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The profile file, or the reference station without one.</summary>
    public static async Task<StationProfile> LoadProfileAsync(string? path, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            return StationProfile.Reference;
        }

        var loaded = await StationProfileLoader.LoadFileAsync(path, cancellationToken).ConfigureAwait(false);
        if (loaded.Profile is { } profile)
        {
            return profile;
        }

        var more = loaded.Problems.Count > 1 ? $" (and {loaded.Problems.Count - 1} more: {string.Join("; ", loaded.Problems.Skip(1))})" : "";
        throw new UsageException($"profile '{path}': {loaded.Problems[0]}{more}");
    }

    private static async Task<SimulatedStation> StartStationAsync(ChargingStationOptions options, string dataDirectory, CancellationToken cancellationToken)
    {
        SqliteStationStore store;
        try
        {
            store = await SqliteStationStore.OpenAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (StationStoreException ex)
        {
            throw new UsageException($"option --data-dir: {ex.Message}");
        }

        try
        {
            // The meters keep their registers next to the store: a killed host goes on where its meter was.
            return await SimulatedStation.StartAsync(options, store, dataDirectory, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw new UsageException($"the simulator cannot model this station: {ex.Message}");
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<ControlApiServer> StartControlApiAsync(SimulatedStation station, int port, CancellationToken cancellationToken)
    {
        try
        {
            return await ControlApiServer.StartAsync(station, port, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new UsageException($"option --control-port: cannot listen on 127.0.0.1:{port}: {ex.Message}");
        }
    }
}
