using System.Diagnostics;
using Chargebox.Testing.Csms;

namespace Chargebox.Host.Tests.Cli;

/// <summary>The real <c>chargebox</c> process: Ctrl+C (SIGINT) and a service manager's SIGTERM, which
/// System.CommandLine turns into the command's cancellation, close the connection normally and exit 0.</summary>
public sealed class ProcessSignalTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chargebox-signal-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_stop_signal_closes_the_connection_normally_and_exits_0(string signal)
    {
        await using var csms = await TestCsms.StartAsync();
        var identity = "CB-SIG-" + signal;
        using var process = Start("run", "--csms", csms.Url.ToString(), "--id", identity, "--data-dir", _directory);
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            var station = await csms.WaitForConnectionAsync(identity, Wait);
            // Signalled once booted (StatusNotification follows an accepted boot), as a user would.
            await station.ExpectFrameAsync(f => f.Text.Contains("\"StatusNotification\"", StringComparison.Ordinal), Wait);

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(Wait);
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {await errors}");
            var closed = await station.WaitForDisconnectAsync(Wait);
            Assert.True(closed.WasClean, $"{closed} {await output} {await errors}");
            Assert.Contains($"Stopping station {identity}", await output, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chargebox.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
    }
}
