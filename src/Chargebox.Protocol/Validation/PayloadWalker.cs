using System.Numerics;
using System.Text.Json;
using Chargebox.Protocol.Framing;

namespace Chargebox.Protocol.Validation;

/// <summary>One validation pass: walks the reader's tokens and the schema graph side by side,
/// recursing along the schema (never along the payload, so a hostile payload cannot make it recurse
/// deeper than the schema). On the first violation it records the code and reason, and each level
/// adds its field to the path while the recursion unwinds.</summary>
internal ref partial struct PayloadWalker
{
    private Utf8JsonReader reader;
    private OcppErrorCode code;
    private string? reason;
    private PayloadPath? path;

    public PayloadWalker(Utf8JsonReader reader) => this.reader = reader;

    /// <summary>True when an integer was written as <c>1.0</c> or <c>1e2</c>: valid JSON Schema, but
    /// System.Text.Json refuses to read it into an <c>int</c>.</summary>
    public bool HasNonCanonicalIntegers { get; private set; }

    public bool WalkPayload(SchemaNode schema)
    {
        reader.Read();

        // Part 4, 4.1.5: a message without payload may be written null as well as {}; read null as {}.
        if (reader.TokenType == JsonTokenType.Null)
        {
            return CheckRequired(schema, seen: 0);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail(OcppErrorCode.FormatViolation, $"the payload must be a JSON object, found {Describe.Found(reader.TokenType)}");
        }

        return WalkObject(schema);
    }

    public bool HasTrailingContent() => reader.Read();

    public void ReadToEnd()
    {
        while (reader.Read())
        {
        }
    }

    public bool Fail(OcppErrorCode errorCode, string why)
    {
        code = errorCode;
        reason = why;
        path = new PayloadPath();
        return false;
    }

    public readonly PayloadError ToError()
    {
        var where = path?.ToString() ?? "";
        var description = where.Length == 0 ? reason ?? "" : $"{where}: {reason}";
        return new PayloadError(code, Describe.Truncate(description)) { Path = where };
    }

    /// <summary>The reader is on a value token other than null.</summary>
    private bool WalkValue(SchemaNode node) => node.Kind switch
    {
        SchemaKind.Object => reader.TokenType == JsonTokenType.StartObject ? WalkObject(node) : FailType(node),
        SchemaKind.Array => reader.TokenType == JsonTokenType.StartArray ? WalkArray(node) : FailType(node),
        SchemaKind.String => reader.TokenType == JsonTokenType.String ? CheckString(node) : FailType(node),
        SchemaKind.Integer => reader.TokenType == JsonTokenType.Number ? CheckInteger(node) : FailType(node),
        SchemaKind.Number => reader.TokenType == JsonTokenType.Number ? CheckNumber(node) : FailType(node),
        SchemaKind.Boolean => reader.TokenType is JsonTokenType.True or JsonTokenType.False || FailType(node),
        SchemaKind.Any => SkipValue(),
        _ => throw new NotSupportedException($"Schema kind {node.Kind} is not supported by the validator."),
    };

    /// <summary>A node without type (DataTransfer's data) takes any JSON value, whatever its shape.</summary>
    private bool SkipValue()
    {
        reader.Skip();
        return true;
    }

    private bool FailType(SchemaNode node) =>
        Fail(OcppErrorCode.TypeConstraintViolation, $"expected {Describe.Expected(node.Kind)}, found {Describe.Found(reader.TokenType)}");

    /// <summary>The reader is on StartObject; returns with it on the matching EndObject.</summary>
    private bool WalkObject(SchemaNode node)
    {
        var seen = 0UL;
        var previous = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryFindProperty(node, previous, out var index))
            {
                if (node.AdditionalProperties)
                {
                    // customData and other open types: anything goes, whatever its shape.
                    reader.Skip();
                    continue;
                }

                var unknown = reader.GetString() ?? "";
                Fail(OcppErrorCode.FormatViolation, "property not allowed by the schema");
                path!.AddProperty(unknown);
                return false;
            }

            var property = node.Properties[index];
            var bit = 1UL << index;
            if ((seen & bit) != 0)
            {
                // A repeated name makes the payload ambiguous: which value did the sender mean?
                Fail(OcppErrorCode.FormatViolation, "property appears more than once");
                path!.AddProperty(property.Name);
                return false;
            }

            seen |= bit;
            previous = index;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (!property.Required)
                {
                    // Part 4, 4.1.5 says to leave an empty optional field out; we accept null as absent.
                    continue;
                }

                Fail(OcppErrorCode.TypeConstraintViolation, $"null is not allowed for a required property, expected {Describe.Expected(property.Schema.Kind)}");
                path!.AddProperty(property.Name);
                return false;
            }

            if (!WalkValue(property.Schema))
            {
                path!.AddProperty(property.Name);
                return false;
            }
        }

        return CheckRequired(node, seen);
    }

    private bool CheckRequired(SchemaNode node, ulong seen)
    {
        var missing = node.RequiredMask & ~seen;
        if (missing == 0)
        {
            return true;
        }

        var first = node.Properties[BitOperations.TrailingZeroCount(missing)];
        Fail(OcppErrorCode.OccurrenceConstraintViolation, "required property is missing");
        path!.AddProperty(first.Name);
        return false;
    }

    /// <summary>Looks the current property name up without allocating a string for it. Senders mostly
    /// write properties in schema order, so the search starts after the previous match.</summary>
    private readonly bool TryFindProperty(SchemaNode node, int previous, out int index)
    {
        const int MaxNameLength = 256;
        index = -1;
        var names = node.PropertyNamesUtf8;
        if (names.Length == 0 || reader.ValueSpan.Length > MaxNameLength)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[MaxNameLength];
        var name = reader.ValueIsEscaped ? buffer[..reader.CopyString(buffer)] : reader.ValueSpan;
        for (var i = 0; i < names.Length; i++)
        {
            var candidate = (previous + 1 + i) % names.Length;
            if (name.SequenceEqual(names[candidate]))
            {
                index = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The reader is on StartArray; returns with it on the matching EndArray.</summary>
    private bool WalkArray(SchemaNode node)
    {
        var items = node.Items ?? throw new InvalidOperationException("Array schema node without items.");
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (count == node.MaxItems)
            {
                return Fail(OcppErrorCode.OccurrenceConstraintViolation, $"more than {node.MaxItems} items, at most {node.MaxItems} allowed");
            }

            var valid = reader.TokenType == JsonTokenType.Null
                ? Fail(OcppErrorCode.TypeConstraintViolation, $"null is not allowed as an array item, expected {Describe.Expected(items.Kind)}")
                : WalkValue(items);
            if (!valid)
            {
                path!.AddIndex(count);
                return false;
            }

            count++;
        }

        return count >= node.MinItems.GetValueOrDefault()
            || Fail(OcppErrorCode.OccurrenceConstraintViolation, $"{count} items, at least {node.MinItems} required");
    }
}
