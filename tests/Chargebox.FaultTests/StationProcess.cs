using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Chargebox.FaultTests;

/// <summary>`chargebox run` as a child process: one station on simulated hardware with its SQLite store in a
/// data folder and its control API on a free port. Killed with SIGKILL, it gets no chance to flush or close
/// anything, as in a power cut; started again over the same folder, it finds what it had stored.</summary>
internal sealed partial class StationProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<Uri> _controlUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _gate = new();

    private StationProcess(Process process) => _process = process;

    /// <summary>The control API's base address, once the station is up.</summary>
    public Uri ControlUrl => _controlUrl.Task.IsCompletedSuccessfully ? _controlUrl.Task.Result : throw new InvalidOperationException("The station is not up yet.");

    /// <summary>Starts the host and waits until it printed the address of its control API.</summary>
    public static async Task<StationProcess> StartAsync(Uri csmsUrl, string identity, string password, string dataDirectory, TimeSpan timeout)
    {
        var host = typeof(StationProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ChargeboxHostPath").Value!;
        Assert.True(File.Exists(host), $"The chargebox host was not built at '{host}'.");

        // The SDK tells child processes which dotnet host runs them; fall back to the one on PATH.
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { host, "run", "--csms", csmsUrl.ToString(), "--id", identity, "--password", password, "--data-dir", dataDirectory, "--control-port", "0" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var station = new StationProcess(new Process { StartInfo = startInfo, EnableRaisingEvents = true });
        station._process.OutputDataReceived += (_, e) => station.OnLine(e.Data);
        station._process.ErrorDataReceived += (_, e) => station.OnLine(e.Data);
        station._process.Exited += (_, _) => station._controlUrl.TrySetException(new InvalidOperationException($"chargebox exited early: {station.LastLines()}"));
        station._process.Start();
        station._process.BeginOutputReadLine();
        station._process.BeginErrorReadLine();
        try
        {
            await station._controlUrl.Task.WaitAsync(timeout);
        }
        catch
        {
            station.Dispose();
            throw;
        }

        return station;
    }

    /// <summary>SIGKILL: no finally blocks, no disposal, no flush.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>The last lines the station printed, for a failure message.</summary>
    public string LastLines()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lastLines);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > 40)
            {
                _lastLines.Dequeue();
            }
        }

        if (ControlApiLine().Match(line) is { Success: true } match)
        {
            _controlUrl.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    [GeneratedRegex(@"control API on (?<url>http://127\.0\.0\.1:\d+/?)")]
    private static partial Regex ControlApiLine();
}
