using Chargebox.Host.Logging;
using Chargebox.Host.Runtime;
using Chargebox.Station;
using Chargebox.Storage;

namespace Chargebox.Host.Demo;

/// <summary><c>chargebox demo</c>: the demo CSMS and one station in this process, the scripted session, and
/// the timeline. Ends by itself in a few seconds; exit code 0 when the CSMS received what every step must
/// cause.</summary>
internal static class DemoCommand
{
    private const string StationIdentity = "CB-DEMO-001";

    /// <summary>The whole demo, so that a broken station cannot make it hang.</summary>
    private static readonly TimeSpan DemoTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(DemoOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var temporary = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory ?? Path.Combine(Path.GetTempPath(), "chargebox-demo-" + Guid.NewGuid().ToString("N")[..12]);
        using var timeout = new CancellationTokenSource(DemoTimeout, time);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        // Without --verbose only problems are logged, so the timeline stays readable.
        using var loggerFactory = ConsoleLogging.Create(options.Verbose, LogLevel.Warning);
        var timeline = new DemoTimeline(output, time);
        bool completed;
        int recorded;
        string database;
        try
        {
            await using (var csms = await DemoCsms.StartAsync(Path.Combine(dataDirectory, "csms"), DemoScript.DemoIdToken, time, stopping.Token).ConfigureAwait(false))
            {
                csms.Received.Received += timeline.Received;
                var store = await SqliteStationStore.OpenAsync(Path.Combine(dataDirectory, "station"), stopping.Token).ConfigureAwait(false);
                var stationOptions = new ChargingStationOptions
                {
                    Identity = StationIdentity,
                    CsmsUrl = csms.Url,
                    TimeProvider = time,
                    LoggerFactory = loggerFactory,
                };
                await using (var station = await SimulatedStation.StartAsync(stationOptions, store, Path.Combine(dataDirectory, "station"), stopping.Token).ConfigureAwait(false))
                {
                    completed = await new DemoScript(csms, station, timeline, time).RunAsync(stopping.Token).ConfigureAwait(false);
                }

                recorded = csms.Received.Count;
                database = csms.DatabasePath;
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync($"The demo did not finish within {DemoTimeout.TotalSeconds:0} s.").ConfigureAwait(false);
            return 1;
        }
        finally
        {
            if (temporary)
            {
                TryDelete(dataDirectory);
            }
        }

        await output.WriteLineAsync(completed
            ? $"Demo complete: the CSMS received {recorded} messages{(temporary ? "" : $", recorded in {database}")}."
            : "Demo failed: the CSMS did not receive what the session must cause (see above).").ConfigureAwait(false);
        return completed ? 0 : 1;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
