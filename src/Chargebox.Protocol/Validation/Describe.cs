using System.Text;
using System.Text.Json;

namespace Chargebox.Protocol.Validation;

/// <summary>Wording of violation descriptions. Only used once a payload has been refused.</summary>
internal static class Describe
{
    /// <summary>Payload values quoted in a description are cut to this many characters.</summary>
    private const int MaxQuotedLength = 40;

    public static string Expected(SchemaKind kind) => kind switch
    {
        SchemaKind.Object => "an object",
        SchemaKind.Array => "an array",
        SchemaKind.String => "a string",
        SchemaKind.Integer => "an integer",
        SchemaKind.Number => "a number",
        SchemaKind.Boolean => "a boolean",
        SchemaKind.Any => "any value",
        _ => kind.ToString(),
    };

    public static string Found(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>A payload value as it may appear inside a description.</summary>
    public static string Quote(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        return text.Length <= MaxQuotedLength ? $"'{text}'" : $"'{Cut(text, MaxQuotedLength)}...'";
    }

    /// <summary>Keeps a description within errorDescription's string[255] (Part 4, 4.2.3).</summary>
    public static string Truncate(string description) =>
        description.Length <= PayloadError.MaxDescriptionLength
            ? description
            : Cut(description, PayloadError.MaxDescriptionLength - 3) + "...";

    private static string Cut(string text, int length)
    {
        // Never split a surrogate pair: half a character is not valid text.
        if (char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length];
    }
}
