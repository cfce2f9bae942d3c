using System.Buffers;
using System.Text.Unicode;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Json;

namespace Chargebox.Protocol.Validation;

/// <summary>Checks of string and number values.</summary>
internal ref partial struct PayloadWalker
{
    /// <summary>Escaped strings up to this many bytes are unescaped on the stack, longer ones in a pooled array.</summary>
    private const int StackStringLength = 256;

    private bool CheckString(SchemaNode node)
    {
        if (!reader.ValueIsEscaped)
        {
            return CheckText(node, reader.ValueSpan);
        }

        byte[]? rented = null;
        var buffer = reader.ValueSpan.Length <= StackStringLength
            ? stackalloc byte[StackStringLength]
            : (rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length));
        try
        {
            var length = reader.CopyString(buffer);
            return CheckText(node, buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary><paramref name="utf8"/> is the unescaped value.</summary>
    private bool CheckText(SchemaNode node, scoped ReadOnlySpan<byte> utf8)
    {
        // Part 4, 4.1.2: the whole message must be UTF-8.
        if (!Utf8.IsValid(utf8))
        {
            return Fail(OcppErrorCode.FormatViolation, "string is not valid UTF-8");
        }

        if (node.IsDateTime && !OcppDateTime.TryParse(utf8, out _))
        {
            return Fail(OcppErrorCode.PropertyConstraintViolation, $"{Describe.Quote(utf8)} is not an RFC 3339 date-time");
        }

        if (node.EnumUtf8 is { } values && !IsEnumValue(values, utf8))
        {
            return Fail(OcppErrorCode.PropertyConstraintViolation, $"{Describe.Quote(utf8)} is not a valid {node.Definition ?? "value"}");
        }

        // Code points never outnumber bytes, so counting is only needed for long strings.
        if (node.MaxLength is { } maxLength && utf8.Length > maxLength)
        {
            var characters = CountCodePoints(utf8);
            if (characters > maxLength)
            {
                return Fail(OcppErrorCode.PropertyConstraintViolation, $"{characters} characters, at most {maxLength} allowed");
            }
        }

        return true;
    }

    /// <summary>Enumerations are short lists of ASCII words: comparing bytes beats hashing a transcoded string.</summary>
    private static bool IsEnumValue(byte[][] values, ReadOnlySpan<byte> utf8)
    {
        foreach (var value in values)
        {
            if (utf8.SequenceEqual(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>JSON Schema measures maxLength in characters (code points), not bytes or UTF-16 units.</summary>
    private static int CountCodePoints(ReadOnlySpan<byte> validUtf8)
    {
        var count = 0;
        foreach (var b in validUtf8)
        {
            // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
            if ((b & 0xC0) != 0x80)
            {
                count++;
            }
        }

        return count;
    }

    private bool CheckInteger(SchemaNode node)
    {
        decimal value;
        if (reader.TryGetInt64(out var whole))
        {
            value = whole;
        }
        else if (reader.TryGetDecimal(out value))
        {
            // JSON Schema counts 1.0 and 1e2 as integers.
            if (value != decimal.Truncate(value))
            {
                return Fail(OcppErrorCode.TypeConstraintViolation, $"expected an integer, found {Describe.Quote(reader.ValueSpan)}");
            }

            HasNonCanonicalIntegers = true;
        }
        else
        {
            return Fail(OcppErrorCode.TypeConstraintViolation, $"expected an integer, found {Describe.Quote(reader.ValueSpan)}");
        }

        // OCPP's integer is 32 bits with sign (Part 2, primitive datatypes); a larger value cannot be
        // represented, so it violates the data type rather than a property constraint.
        if (value is < int.MinValue or > int.MaxValue)
        {
            return Fail(OcppErrorCode.TypeConstraintViolation, $"{Describe.Quote(reader.ValueSpan)} is outside the 32-bit integer range");
        }

        return CheckBounds(node, value);
    }

    private bool CheckNumber(SchemaNode node)
    {
        if (!reader.TryGetDecimal(out var value))
        {
            return Fail(OcppErrorCode.TypeConstraintViolation, $"{Describe.Quote(reader.ValueSpan)} is outside the range of a decimal");
        }

        return CheckBounds(node, value);
    }

    private bool CheckBounds(SchemaNode node, decimal value)
    {
        if (value < node.Minimum)
        {
            return Fail(OcppErrorCode.PropertyConstraintViolation, $"{value} is below the minimum {node.Minimum}");
        }

        if (value > node.Maximum)
        {
            return Fail(OcppErrorCode.PropertyConstraintViolation, $"{value} is above the maximum {node.Maximum}");
        }

        return true;
    }
}
