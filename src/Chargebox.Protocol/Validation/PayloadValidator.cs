using System.Text.Json;
using Chargebox.Protocol.Framing;

namespace Chargebox.Protocol.Validation;

/// <summary>Checks an OCPP payload against the schema of its message in one forward pass over the
/// UTF-8 bytes, without building a document and without allocating when the payload conforms.
/// The error codes follow Part 4, table 8; docs/validation.md explains the mapping.</summary>
public static class PayloadValidator
{
    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>Validates <paramref name="utf8Json"/> against <paramref name="schema"/>.</summary>
    /// <returns>Null when the payload conforms; otherwise the first violation found.</returns>
    public static PayloadError? Validate(ReadOnlySpan<byte> utf8Json, SchemaNode schema) =>
        Validate(utf8Json, schema, out _);

    /// <summary>As <see cref="Validate(ReadOnlySpan{byte}, SchemaNode)"/>, and tells whether an integer
    /// was written in a form a strict reader refuses (<c>1.0</c>, <c>1e2</c>), so the codec can
    /// normalise it before deserializing.</summary>
    internal static PayloadError? Validate(ReadOnlySpan<byte> utf8Json, SchemaNode schema, out bool hasNonCanonicalIntegers)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var walker = new PayloadWalker(new Utf8JsonReader(utf8Json, ReaderOptions));
        var conforms = false;
        try
        {
            conforms = walker.WalkPayload(schema);
            if (conforms && walker.HasTrailingContent())
            {
                walker.Fail(OcppErrorCode.FormatViolation, "unexpected content after the payload object");
                conforms = false;
            }
            else if (!conforms)
            {
                // A payload that is also broken JSON further on is syntactically incorrect before it is
                // anything else: report FormatViolation, as a parser that reads the whole text first would.
                walker.ReadToEnd();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            hasNonCanonicalIntegers = false;
            return new PayloadError(OcppErrorCode.FormatViolation, Describe.Truncate($"invalid JSON: {FirstLine(ex.Message)}"));
        }

        hasNonCanonicalIntegers = walker.HasNonCanonicalIntegers;
        return conforms ? null : walker.ToError();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
