namespace Chargebox.SchemaGen;

/// <summary>Writes an enum type with its wire names, and a <c>XWire</c> class of switch-based
/// conversions (no reflection, no allocation) for the device model and logs.</summary>
internal static class EnumEmitter
{
    public static string Emit(EnumDefinition definition)
    {
        var members = MemberNames(definition);
        var name = definition.Name;
        var writer = new CodeWriter("System.Text.Json.Serialization");
        writer.Line("namespace Chargebox.Protocol.Messages;").Line();

        writer.Summary(
            definition.Description,
            definition.DefaultValue is null ? [] : [$"A property of this type that is absent means <c>{Documentation.Escape(definition.DefaultValue)}</c> (schema default)."]);
        writer.Line($"[JsonConverter(typeof(JsonStringEnumConverter<{name}>))]");
        using (writer.Block($"public enum {name}"))
        {
            for (var i = 0; i < members.Count; i++)
            {
                if (i != 0)
                {
                    writer.Line();
                }

                writer.Summary(null, $"<c>{Documentation.Escape(definition.Values[i])}</c> on the wire.");
                writer.Line($"[JsonStringEnumMemberName({Literals.String(definition.Values[i])})]");
                writer.Line($"{members[i]},");
            }
        }

        writer.Line();
        writer.Summary(null, $"Conversions between <see cref=\"{name}\"/> and its exact wire strings.");
        using (writer.Block($"public static class {name}Wire"))
        {
            writer.Summary(null, "The value as written in OCPP JSON.");
            writer.Line($"public static string ToWireString(this {name} value) => value switch");
            writer.Line("{");
            for (var i = 0; i < members.Count; i++)
            {
                writer.Line($"    {name}.{members[i]} => {Literals.String(definition.Values[i])},");
            }

            writer.Line("    _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),");
            writer.Line("};");
            writer.Line();
            writer.Summary(null, "Parses an exact (case-sensitive) wire string.");
            writer.Line($"public static bool TryParse(string? text, out {name} value) => TryParse(text.AsSpan(), out value);");
            writer.Line();
            writer.Summary(null, "Parses an exact (case-sensitive) wire string.");
            using (writer.Block($"public static bool TryParse(ReadOnlySpan<char> text, out {name} value)"))
            {
                using (writer.Block("switch (text)"))
                {
                    for (var i = 0; i < members.Count; i++)
                    {
                        writer.Line($"case {Literals.String(definition.Values[i])}:");
                        writer.Line($"    value = {name}.{members[i]};");
                        writer.Line("    return true;");
                    }

                    writer.Line("default:");
                    writer.Line("    value = default;");
                    writer.Line("    return false;");
                }
            }
        }

        return writer.ToString();
    }

    /// <summary>The C# member names, in schema order; fails when two wire strings map to one name.</summary>
    public static IReadOnlyList<string> MemberNames(EnumDefinition definition)
    {
        var names = definition.Values.Select(v => Naming.EnumMember(v, $"{definition.Name}.{v}")).ToList();
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new GeneratorException($"{definition.Name}: two values map to the member name {duplicate.Key}.");
        }

        return names;
    }
}
