using System.Diagnostics;
using System.Reflection;

namespace Chargebox.Storage.Tests;

/// <summary>The Chargebox.Storage.CrashProbe console program as a child process, and the lines it printed.
/// A line is printed only after the write it names completed, so it is an acknowledgement.</summary>
internal sealed class CrashProbeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private CrashProbeProcess(Process process) => _process = process;

    public IReadOnlyList<string> Lines => _lines;

    public static CrashProbeProcess Start(params string[] arguments)
    {
        var probe = typeof(CrashProbeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CrashProbePath").Value!;
        Assert.True(File.Exists(probe), $"The crash probe was not built at '{probe}'.");

        // The SDK tells child processes which dotnet host runs them; fall back to the one on PATH.
        var startInfo = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(probe);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return new CrashProbeProcess(Process.Start(startInfo)!);
    }

    /// <summary>Reads lines until <paramref name="enough"/> holds for what was read.</summary>
    public async Task ReadUntilAsync(Func<IReadOnlyList<string>, bool> enough, CancellationToken cancellationToken)
    {
        while (!enough(_lines))
        {
            var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                var error = await _process.StandardError.ReadToEndAsync(cancellationToken);
                Assert.Fail($"The crash probe exited early with code {_process.ExitCode}: {error}");
            }

            _lines.Add(line);
        }
    }

    /// <summary>SIGKILL: no finally blocks, no disposal, no flush - as close to a crash as a test gets.
    /// Then collects the lines still in the pipe; a last line without its newline was cut by the kill.</summary>
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync(cancellationToken);
        var rest = await _process.StandardOutput.ReadToEndAsync(cancellationToken);
        var complete = rest.Split('\n');
        _lines.AddRange(complete[..^1]);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
