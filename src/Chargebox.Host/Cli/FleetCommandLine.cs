using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Chargebox.Host.Fleet;

namespace Chargebox.Host.Cli;

/// <summary><c>chargebox fleet</c> as a System.CommandLine command (docs/fleet.md): the connection options are
/// the ones <c>run</c> has (<see cref="CsmsConnectionOptionLines"/>), plus how many stations, named how, started
/// how fast and doing what.</summary>
internal sealed class FleetCommandLine
{
    private const int MaxStations = 100_000;

    /// <summary>Leaves room for the widest number (6 digits) within the 48 characters of an identity.</summary>
    private const int MaxPrefixLength = 40;

    private readonly CsmsConnectionOptionLines _connection = new("the CSMS's OCPP endpoint without the identity; each station connects to URL/IDENTITY");

    private readonly Option<int> _count = new("--count")
    {
        Description = $"how many stations (1 to {MaxStations})",
        HelpName = "N",
        Required = true,
        CustomParser = result => OptionValues.WholeNumber(result, "--count", 1, MaxStations) ?? 0,
    };

    private readonly Option<string> _idPrefix = new("--id-prefix")
    {
        Description = "identity prefix; the stations are PREFIX00001, PREFIX00002, ... (default CB)",
        HelpName = "PREFIX",
        Validators = { CheckPrefix },
    };

    private readonly Option<string> _dataDirectory = new("--data-dir")
    {
        Description = "one SQLite store per station under DIR/IDENTITY; default: in memory",
        HelpName = "DIR",
    };

    private readonly Option<int?> _ramp = new("--ramp")
    {
        Description = "stations started per second (default 50)",
        HelpName = "N",
        CustomParser = result => OptionValues.WholeNumber(result, "--ramp", 1, 100_000),
    };

    private readonly Option<FleetScenario?> _scenario = new("--scenario")
    {
        Description = "idle (default): stay connected; charge: plug, card, charge, unplug, pause, again",
        HelpName = "idle|charge",
        CustomParser = ParseScenario,
    };

    private readonly Option<int?> _seed = new("--seed")
    {
        Description = "seed of the stations' random draws (default 0)",
        HelpName = "N",
        CustomParser = result => OptionValues.WholeNumber(result, "--seed", 0, int.MaxValue),
    };

    private readonly Option<SecondsRange?> _chargeTime = new("--charge-seconds")
    {
        Description = "charge scenario: how long a session charges, drawn from MIN..MAX seconds (default 600..3600)",
        HelpName = "MIN..MAX",
        CustomParser = result => ParseRange(result, "--charge-seconds"),
    };

    private readonly Option<SecondsRange?> _pauseTime = new("--pause-seconds")
    {
        Description = "charge scenario: the pause between sessions, drawn from MIN..MAX seconds (default 60..600)",
        HelpName = "MIN..MAX",
        CustomParser = result => ParseRange(result, "--pause-seconds"),
    };

    private readonly Option<int?> _controlPort = new("--control-port")
    {
        Description = "serve /api/fleet and /api/stations/ID/status on http://127.0.0.1:N/ (0: any free port); off by default",
        HelpName = "N",
        CustomParser = result => OptionValues.WholeNumber(result, "--control-port", 0, 65535),
    };

    public FleetCommandLine()
    {
        Command = new Command("fleet", "Runs many stations on simulated hardware in one process against a CSMS until Ctrl+C.")
        {
            _connection.Csms, _count, _idPrefix, _connection.Profile, _dataDirectory, _ramp, _scenario, _seed,
            _chargeTime, _pauseTime, _controlPort,
        };
        foreach (var option in _connection.Security)
        {
            Command.Options.Add(option);
        }

        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var options = Read(parsed);
        try
        {
            return await FleetCommand.RunAsync(options, parsed.InvocationConfiguration.Output, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C while the first station was still starting: nothing is left running.
            return ChargeboxCommand.Success;
        }
    }

    private FleetOptions Read(ParseResult parsed) => new()
    {
        Connection = _connection.Read(parsed),
        Count = parsed.GetValue(_count),
        IdPrefix = parsed.GetValue(_idPrefix) ?? "CB",
        ProfilePath = _connection.ReadProfilePath(parsed),
        DataDirectory = parsed.GetValue(_dataDirectory),
        Ramp = parsed.GetValue(_ramp) ?? 50,
        Scenario = parsed.GetValue(_scenario) ?? FleetScenario.Idle,
        Seed = parsed.GetValue(_seed) ?? 0,
        ChargeTime = parsed.GetValue(_chargeTime) ?? new SecondsRange(600, 3600),
        PauseTime = parsed.GetValue(_pauseTime) ?? new SecondsRange(60, 600),
        ControlPort = parsed.GetValue(_controlPort),
        Verbose = _connection.ReadVerbose(parsed),
    };

    private static void CheckPrefix(OptionResult result)
    {
        var prefix = result.GetValueOrDefault<string>() ?? "";
        if (prefix.Length > MaxPrefixLength || prefix.Any(c => c is ':' or '/' or '?' or '#' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            result.AddError($"option --id-prefix: '{prefix}' cannot start a station identity; use at most {MaxPrefixLength} characters without ':', '/', '?', '#' or spaces");
        }
    }

    private static FleetScenario? ParseScenario(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        switch (text)
        {
            case "idle":
                return FleetScenario.Idle;
            case "charge":
                return FleetScenario.Charge;
            default:
                result.AddError($"option --scenario: '{text}' is not idle or charge");
                return null;
        }
    }

    /// <summary>MIN..MAX whole seconds, MIN at most MAX (a single number N means N..N).</summary>
    private static SecondsRange? ParseRange(ArgumentResult result, string option)
    {
        var text = result.Tokens[0].Value;
        var parts = text.Split("..");
        if (parts.Length is 1 or 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min <= max)
        {
            return new SecondsRange(min, max);
        }

        result.AddError($"option {option}: '{text}' is not MIN..MAX whole seconds with MIN <= MAX");
        return null;
    }
}
