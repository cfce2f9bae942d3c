using System.Globalization;

namespace Chargebox.Protocol.Json;

/// <summary>Reads and writes OCPP <c>dateTime</c> values (RFC 3339).</summary>
/// <remarks>
/// Writing: always UTC with the designator <c>Z</c> and exactly three fractional digits, since OCPP 2.0.1
/// limits fractional seconds to three decimal places.
/// Reading is liberal, because real CSMSs differ: any number of fractional digits (7 from .NET
/// back-ends), <c>Z</c>, <c>z</c> or a numeric offset such as <c>+00:00</c> / <c>+02:00</c>, and a
/// lower-case <c>t</c> separator. A value without offset is taken as UTC. Every value read is
/// normalised to offset zero, so timestamps compare and round-trip as UTC.
/// </remarks>
public static class OcppDateTime
{
    /// <summary>Longest text accepted: date, time, 9 fractional digits and an offset, with room to spare.</summary>
    private const int MaxLength = 64;

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
    ];

    /// <summary>Parses an RFC 3339 date-time given as UTF-8 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        if (utf8.Length is < 19 or > MaxLength)
        {
            return false;
        }

        if (TryParseCanonical(utf8, out value))
        {
            return true;
        }

        Span<char> chars = stackalloc char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            // Anything outside ASCII cannot be part of a valid timestamp.
            if (utf8[i] > 0x7F)
            {
                return false;
            }

            chars[i] = (char)utf8[i];
        }

        return TryParse(chars, out value);
    }

    /// <summary>Parses an RFC 3339 date-time.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        text = text.Trim();
        if (text.Length is < 19 or > MaxLength)
        {
            return false;
        }

        Span<char> buffer = stackalloc char[text.Length];
        text.CopyTo(buffer);
        if (buffer[10] == 't')
        {
            buffer[10] = 'T';
        }

        if (buffer[^1] == 'z')
        {
            buffer[^1] = 'Z';
        }

        // .NET accepts at most 7 fractional digits; RFC 3339 allows any number. Drop the ones past 7.
        var normalised = TrimFraction(buffer);

        if (!DateTimeOffset.TryParseExact(
                normalised,
                Formats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed))
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>Writes <paramref name="value"/> as UTC, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, into
    /// <paramref name="utf8"/> (at least 24 bytes).</summary>
    public static bool TryFormat(DateTimeOffset value, Span<byte> utf8, out int written)
    {
        var utc = value.UtcDateTime;
        return utc.TryFormat(utf8, out written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>The value as OCPP text: UTC, three fractional digits, <c>Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The form nearly every message carries, <c>yyyy-MM-ddTHH:mm:ss[.f{1,7}]Z</c>, read
    /// digit by digit; anything else goes the general way. Accepts nothing the general way refuses and
    /// gives the same value.</summary>
    private static bool TryParseCanonical(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        if (utf8.Length < 20 || utf8[^1] != 'Z'
            || utf8[4] != '-' || utf8[7] != '-' || utf8[10] != 'T' || utf8[13] != ':' || utf8[16] != ':'
            || !TryDigits(utf8.Slice(0, 4), out var year) || !TryDigits(utf8.Slice(5, 2), out var month)
            || !TryDigits(utf8.Slice(8, 2), out var day) || !TryDigits(utf8.Slice(11, 2), out var hour)
            || !TryDigits(utf8.Slice(14, 2), out var minute) || !TryDigits(utf8.Slice(17, 2), out var second))
        {
            return false;
        }

        var fraction = utf8[19..^1];
        var ticks = 0;
        if (fraction.Length != 0)
        {
            // '.' and one to seven digits, scaled to 100 ns ticks.
            if (fraction.Length is < 2 or > 8 || fraction[0] != '.' || !TryDigits(fraction[1..], out ticks))
            {
                return false;
            }

            for (var i = fraction.Length - 1; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks));
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int number)
    {
        number = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            number = (number * 10) + (digit - '0');
        }

        return true;
    }

    private static ReadOnlySpan<char> TrimFraction(Span<char> text)
    {
        if (text.Length < 20 || text[19] != '.')
        {
            return text;
        }

        var end = 20;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var digits = end - 20;
        if (digits <= 7)
        {
            return text;
        }

        // Shift the offset part left over the surplus digits.
        var surplus = digits - 7;
        text[end..].CopyTo(text[(end - surplus)..]);
        return text[..^surplus];
    }
}
