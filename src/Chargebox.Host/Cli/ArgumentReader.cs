namespace Chargebox.Host.Cli;

/// <summary>Reads <c>--name value</c>, <c>--name=value</c> and <c>--flag</c> arguments, refusing unknown
/// and repeated options so that a typo never goes unnoticed.</summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    /// <param name="arguments">The arguments after the command name.</param>
    /// <param name="valueOptions">Options that take a value.</param>
    /// <param name="flags">Options without a value.</param>
    public ArgumentReader(IReadOnlyList<string> arguments, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flags)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{argument}'; options start with --");
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? argument : argument[..equals];
            string? value;
            if (flags.Contains(name))
            {
                if (equals >= 0)
                {
                    throw new UsageException($"option {name} takes no value");
                }

                value = null;
            }
            else if (valueOptions.Contains(name))
            {
                if (equals >= 0)
                {
                    value = argument[(equals + 1)..];
                }
                else if (i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = arguments[++i];
                }
                else
                {
                    throw new UsageException($"option {name} needs a value");
                }
            }
            else
            {
                throw new UsageException($"unknown option '{name}'");
            }

            if (!_values.TryAdd(name, value))
            {
                throw new UsageException($"option {name} is given twice");
            }
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Value(string name) => _values.GetValueOrDefault(name);

    public string Required(string name) =>
        _values.GetValueOrDefault(name) is { Length: > 0 } value ? value : throw new UsageException($"option {name} is required");

    public int? Integer(string name, int min, int max)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"option {name}: '{text}' is not a whole number from {min} to {max}");
    }
}
