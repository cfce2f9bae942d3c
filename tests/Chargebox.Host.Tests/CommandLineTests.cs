using Chargebox.Host.Cli;
using Chargebox.Testing.Csms;

namespace Chargebox.Host.Tests;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "chargebox-cli-" + Guid.NewGuid().ToString("N"));

    public CommandLineTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "fly" }, "Unrecognized command or argument 'fly'")]
    [InlineData(new[] { "run", "--id", "CS1" }, "Option '--csms' is required")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp" }, "Option '--id' is required")]
    [InlineData(new[] { "run", "--csms", "http://127.0.0.1:9/ocpp", "--id", "CS1" }, "not a ws:// or wss:// URL")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS:1" }, "option --id: 'CS:1'")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--colour", "red" }, "Unrecognized command or argument '--colour'")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--id", "CS2" }, "Option '--id' expects a single argument but 2 were provided")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id" }, "Required argument missing for option: '--id'")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--security-profile", "4" }, "--security-profile: '4' is not a whole number from 1 to 3")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--control-port", "70000" }, "--control-port: '70000'")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--security-profile", "2" }, "security profile 2 needs a wss:// URL")]
    [InlineData(new[] { "run", "--csms", "wss://127.0.0.1:9/ocpp", "--id", "CS1", "--security-profile", "2", "--csms-root-cert", "ca.pem" }, "security profile 2 needs --password")]
    [InlineData(new[] { "run", "--csms", "wss://127.0.0.1:9/ocpp", "--id", "CS1", "--security-profile", "3" }, "needs --csms-root-cert")]
    [InlineData(new[] { "run", "--csms", "wss://127.0.0.1:9/ocpp", "--id", "CS1", "--security-profile", "3", "--csms-root-cert", "ca.pem" }, "needs --client-cert FILE and --client-key FILE")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--verbose=yes" }, "option --verbose takes no value")]
    [InlineData(new[] { "demo", "--fast" }, "Unrecognized command or argument '--fast'")]
    [InlineData(new[] { "demo", "--verbose", "--verbose" }, "option --verbose is given twice")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--control-port", "-1" }, "option --control-port: '-1'")]
    [InlineData(new[] { "run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--client-cert", "c.pem" }, "--client-cert and --client-key are for security profile 3 only")]
    public async Task Option_errors_exit_with_code_2_and_one_line_naming_the_problem(string[] arguments, string message)
    {
        var (code, output, error) = await RunAsync(arguments);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("chargebox: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_profile_file_exits_with_code_2_naming_the_file_and_the_field()
    {
        var profile = Path.Combine(_directory, "station.json");
        await File.WriteAllTextAsync(profile, """
            {
              "vendor": "Chargebox", "model": "Test", "firmwareVersion": "1.0",
              "evses": [ { "id": 1, "currentType": "AC", "phases": 5, "voltage": 230, "maxCurrent": 32, "connectors": [ { "id": 1, "type": "cType2" } ] } ]
            }
            """);

        var (code, _, error) = await RunAsync(["run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--profile", profile, "--data-dir", _directory]);

        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"profile '{profile}': evses[0].phases", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_profile_or_certificate_file_exits_with_code_2()
    {
        var missing = Path.Combine(_directory, "nope.json");
        var (code, _, error) = await RunAsync(["run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--profile", missing]);
        Assert.Equal(2, code);
        Assert.Contains("cannot read the profile file", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync(["run", "--csms", "wss://127.0.0.1:9/ocpp", "--id", "CS1", "--security-profile", "2", "--password", "0123456789abcdef", "--csms-root-cert", Path.Combine(_directory, "ca.pem")]);
        Assert.Equal(2, code);
        Assert.Contains("option --csms-root-cert: cannot read", error, StringComparison.Ordinal);
    }

    // The usage line starts with the executable's name, which is the test host here.
    [Theory]
    [InlineData(new[] { "--help" }, " [command] [options]", "run", "demo")]
    [InlineData(new[] { "-h" }, " [command] [options]", "run", "demo")]
    [InlineData(new[] { "run", "--help" }, " run [options]", "--csms <URL> (REQUIRED)", "--security-profile <1|2|3>")]
    [InlineData(new[] { "demo", "--help" }, " demo [options]", "--data-dir <DIR>", "--verbose")]
    public async Task Help_exits_0_with_the_usage(string[] arguments, string usage, string first, string second)
    {
        var (code, output, error) = await RunAsync(arguments);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains(usage, output, StringComparison.Ordinal);
        Assert.Contains(first, output, StringComparison.Ordinal);
        Assert.Contains(second, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_wins_over_option_errors()
    {
        var (code, output, _) = await RunAsync(["run", "--colour", "red", "--help"]);
        Assert.Equal(0, code);
        Assert.Contains(" run [options]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_starting_with_at_are_taken_literally_not_as_response_files()
    {
        // With response files on, '@pw' would be read as a file and fail with "Response file not found".
        var (code, _, error) = await RunAsync(["run", "--csms", "ws://127.0.0.1:9/ocpp", "--id", "CS1", "--password", "@pw", "--client-cert", "c.pem"]);

        Assert.Equal(2, code);
        Assert.Contains("--client-cert and --client-key are for security profile 3 only", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_connects_the_station_and_stops_cleanly_when_cancelled()
    {
        await using var csms = await TestCsms.StartAsync();
        using var stopping = new CancellationTokenSource();
        var output = new StringWriter();
        var running = ChargeboxCommand.RunAsync(
            ["run", "--csms", csms.Url.ToString(), "--id", "CB-RUN-1", "--data-dir", _directory],
            TextWriter.Synchronized(output),
            TextWriter.Null,
            stopping.Token);

        var station = await csms.WaitForConnectionAsync("CB-RUN-1", TimeSpan.FromSeconds(10));
        var boot = await station.ExpectFrameAsync(f => f.Text.Contains("\"BootNotification\"", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("\"reason\":\"PowerUp\"", boot.Text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "chargebox.db")));

        await stopping.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True((await station.WaitForDisconnectAsync(TimeSpan.FromSeconds(5))).WasClean);
        Assert.Contains("Stopping station CB-RUN-1", output.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ChargeboxCommand.RunAsync(arguments, output, error, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        return (code, output.ToString(), error.ToString());
    }
}
