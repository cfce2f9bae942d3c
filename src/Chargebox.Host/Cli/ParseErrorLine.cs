using System.CommandLine;
using System.CommandLine.Parsing;

namespace Chargebox.Host.Cli;

/// <summary>Turns System.CommandLine's parse errors into the one line a user error gets (docs/cli.md): every
/// problem, each naming its option or argument, and where to read the usage.</summary>
internal static class ParseErrorLine
{
    public static string For(ParseResult parsed)
    {
        var problems = parsed.Errors.Select(e => Flatten(e.Message)).Concat(ValuesGivenToFlags(parsed)).Distinct(StringComparer.Ordinal);
        var command = parsed.CommandResult.Command;
        var help = command is RootCommand ? "chargebox --help" : $"chargebox {command.Name} --help";
        return $"chargebox: {string.Join("; ", problems)} (see {help})";
    }

    // Some library messages span lines (lists of allowed values); the error must stay one line.
    private static string Flatten(string message) =>
        string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');

    // The library leaves a value given to a flag (--verbose=yes) unmatched and names only the value; the user
    // also needs to hear which option refused it.
    private static IEnumerable<string> ValuesGivenToFlags(ParseResult parsed)
    {
        var tokens = parsed.Tokens;
        for (var i = 1; i < tokens.Count; i++)
        {
            var option = tokens[i - 1];
            if (option.Type == TokenType.Option
                && tokens[i].Type == TokenType.Argument
                && parsed.UnmatchedTokens.Contains(tokens[i].Value)
                && parsed.GetResult(option.Value) is OptionResult { Option.ValueType: var type }
                && type == typeof(bool))
            {
                yield return $"option {option.Value} takes no value";
            }
        }
    }
}
