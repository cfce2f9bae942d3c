using System.Text;

namespace Chargebox.SchemaGen;

/// <summary>How schema names become C# names.</summary>
internal static class Naming
{
    /// <summary>A property name: the wire name with its first letter upper-cased
    /// (<c>evseId</c> → <c>EvseId</c>, <c>ePriceLevel</c> → <c>EPriceLevel</c>).</summary>
    public static string Property(string wireName, string where) =>
        CheckIdentifier(char.ToUpperInvariant(wireName[0]) + wireName[1..], where);

    /// <summary>An enum member: the wire string split at every character that cannot be part of an
    /// identifier, each part's first letter upper-cased, the parts joined. Where joining would put a digit
    /// right after a digit ("s309-1P-16A") an underscore keeps the parts readable (<c>S309_1P_16A</c>).</summary>
    public static string EnumMember(string wireValue, string where)
    {
        var builder = new StringBuilder(wireValue.Length);
        foreach (var part in wireValue.Split(c => !char.IsAsciiLetterOrDigit(c)))
        {
            if (part.Length == 0)
            {
                continue;
            }

            if (builder.Length != 0 && char.IsAsciiDigit(builder[^1]) && char.IsAsciiDigit(part[0]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return CheckIdentifier(builder.ToString(), where);
    }

    /// <summary>Generated names start with an upper-case letter or '_', so they never meet a C# keyword
    /// (all lower case); only the character set needs checking.</summary>
    private static string CheckIdentifier(string name, string where) =>
        name.Length > 0
        && (char.IsAsciiLetterUpper(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? name
            : throw new GeneratorException($"{where}: {name} is not a usable C# identifier.");
}

internal static class StringSplitExtensions
{
    public static IEnumerable<string> Split(this string text, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
    }
}
