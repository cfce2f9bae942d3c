using System.CommandLine.Parsing;
using System.Globalization;

namespace Chargebox.Host.Cli;

/// <summary>The checks of single option values that System.CommandLine runs while parsing, so that a bad value
/// is a parse error naming the option, reported before anything starts.</summary>
internal static class OptionValues
{
    /// <summary>Part 4, 4.1.1: the identity is an identifierString of at most 48 characters and the Basic
    /// authentication user name, so no ':'; it is also a URL path segment.</summary>
    private const int MaxIdentityLength = 48;

    /// <summary>Parses the CSMS endpoint: OCPP-J runs over ws:// or wss:// only.</summary>
    public static Uri? WebSocketUrl(ArgumentResult result, string option)
    {
        var text = result.Tokens[0].Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss")
        {
            return url;
        }

        result.AddError($"option {option}: '{text}' is not a ws:// or wss:// URL");
        return null;
    }

    /// <summary>Parses a whole number in a range, digits only (no sign, no spaces).</summary>
    public static int? WholeNumber(ArgumentResult result, string option, int min, int max)
    {
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"option {option}: '{text}' is not a whole number from {min} to {max}");
        return null;
    }

    /// <summary>Checks a station identity (see <see cref="MaxIdentityLength"/>).</summary>
    public static void StationIdentity(OptionResult result)
    {
        var identity = result.GetValueOrDefault<string>() ?? "";
        if (identity.Length is 0 or > MaxIdentityLength || identity.Any(c => c is ':' or '/' or '?' or '#' || char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            result.AddError($"option {result.Option.Name}: '{identity}' is not a station identity; use 1 to {MaxIdentityLength} characters without ':', '/', '?', '#' or spaces");
        }
    }

    /// <summary>Refuses a flag given twice: the library accepts that silently, but a repeated option is more
    /// likely a typo for another one (docs/cli.md: repeated options are errors).</summary>
    public static void GivenOnce(OptionResult result)
    {
        if (result.IdentifierTokenCount > 1)
        {
            result.AddError($"option {result.Option.Name} is given twice");
        }
    }
}
