using System.Globalization;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel;

/// <summary>Why a value does not fit a variable: an OCPP reason code (Part 2 appendix, reason codes) and
/// a sentence naming the problem, used as statusInfo of a SetVariableResult and in profile errors.</summary>
internal sealed record ValueRejection(string ReasonCode, string AdditionalInfo)
{
    public StatusInfoType ToStatusInfo() => new() { ReasonCode = ReasonCode, AdditionalInfo = AdditionalInfo };
}

/// <summary>The one place that decides whether a string value fits a variable's characteristics
/// (B05.FR.07: a value that does not fit is Rejected).</summary>
internal static class ValueCheck
{
    // Part 2, 2.1.4: identifierString and passwordString allow letters, digits and * - _ = : + | @ .
    private const string IdentifierPunctuation = "*-_=:+|@.";

    /// <summary>Checks <paramref name="value"/>; on success <paramref name="normalized"/> is the form to
    /// store (booleans lower case, list members without surrounding spaces).</summary>
    public static ValueRejection? Check(VariableCharacteristics characteristics, string value, out string normalized)
    {
        normalized = value;
        switch (characteristics.DataType)
        {
            case VariableDataType.Integer:
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return Invalid($"'{value}' is not an integer");
                }

                return CheckRange(characteristics, integer);
            case VariableDataType.Decimal:
                if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return Invalid($"'{value}' is not a decimal number");
                }

                return CheckRange(characteristics, number);
            case VariableDataType.Boolean:
                if (!bool.TryParse(value, out var flag))
                {
                    return Invalid($"'{value}' is not a boolean (true or false)");
                }

                normalized = flag ? "true" : "false";
                return null;
            case VariableDataType.DateTime:
                return OcppDateTime.TryParse(value.AsSpan(), out _) ? null : Invalid($"'{value}' is not an RFC 3339 date and time");
            case VariableDataType.OptionList:
                return CheckOption(characteristics, value, out normalized);
            case VariableDataType.SequenceList:
            case VariableDataType.MemberList:
                return CheckMembers(characteristics, value, out normalized);
            case VariableDataType.PasswordString:
            case VariableDataType.IdentifierString:
                foreach (var c in value)
                {
                    if (!char.IsAsciiLetterOrDigit(c) && !IdentifierPunctuation.Contains(c))
                    {
                        return Invalid($"character '{c}' is not allowed; use letters, digits and {IdentifierPunctuation}");
                    }
                }

                return CheckLength(characteristics, value);
            default:
                return CheckLength(characteristics, value);
        }
    }

    private static ValueRejection? CheckRange(VariableCharacteristics characteristics, decimal value)
    {
        if (characteristics.MinLimit is { } min && value < min)
        {
            return new ValueRejection("ValueTooLow", $"{value.ToString(CultureInfo.InvariantCulture)} is below the minimum {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (characteristics.MaxLimit is { } max && value > max)
        {
            return new ValueRejection("ValueTooHigh", $"{value.ToString(CultureInfo.InvariantCulture)} is above the maximum {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return null;
    }

    private static ValueRejection? CheckLength(VariableCharacteristics characteristics, string value)
    {
        if (characteristics.MinLimit is { } min && value.Length < min)
        {
            return new ValueRejection("ValueTooLow", $"length {value.Length} is below the minimum length {min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (characteristics.MaxLimit is { } max && value.Length > max)
        {
            return new ValueRejection("ValueTooHigh", $"length {value.Length} is above the maximum length {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return null;
    }

    private static ValueRejection? CheckOption(VariableCharacteristics characteristics, string value, out string normalized)
    {
        var trimmed = value.Trim();
        normalized = trimmed;
        var allowed = Members(characteristics.ValuesList);
        var match = allowed.FirstOrDefault(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            return Invalid($"'{value}' is not one of {characteristics.ValuesList}");
        }

        normalized = match;
        return null;
    }

    private static ValueRejection? CheckMembers(VariableCharacteristics characteristics, string value, out string normalized)
    {
        normalized = value;
        var allowed = Members(characteristics.ValuesList);
        var members = Members(value);
        var canonical = new List<string>(members.Length);
        foreach (var member in members)
        {
            var match = allowed.FirstOrDefault(a => string.Equals(a, member, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                return Invalid($"'{member}' is not one of {characteristics.ValuesList}");
            }

            if (canonical.Contains(match))
            {
                return Invalid($"'{member}' appears more than once");
            }

            canonical.Add(match);
        }

        normalized = string.Join(',', canonical);
        return null;
    }

    /// <summary>The members of a comma-separated list, without surrounding spaces; empty for an empty list.</summary>
    public static string[] Members(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.TrimEntries);

    private static ValueRejection Invalid(string why) => new("InvalidValue", why);
}
