using System.Globalization;

namespace Chargebox.SchemaGen;

/// <summary>Writes <c>OcppSchemas</c>: one <c>SchemaNode</c> per shared definition (one instance used by
/// every message that refers to it) and one root node per message schema, for the payload validator.
/// Each node lives in its own nested static class, so the runtime builds a node (and the ones it refers
/// to) on first use: a station that validates a few messages does not pay for all 128 graphs at start-up.</summary>
internal static class SchemaTableEmitter
{
    public static string Emit(SchemaSet set)
    {
        var writer = new CodeWriter();
        writer.Line("namespace Chargebox.Protocol.Validation;").Line();
        writer.Summary(null,
            "The OCPP 2.0.1 JSON schemas as immutable <see cref=\"SchemaNode\"/> graphs: a property per shared definition",
            "and per request and response schema. Each node is built on first use, with the nodes it refers to.");
        using (writer.Block("public static class OcppSchemas"))
        {
            var first = true;
            foreach (var definition in DependencyOrder(set))
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                writer.Summary(null, $"The shared definition <c>{definition.Name}</c>.");
                WriteField(writer, definition.Name, definition, set);
            }

            foreach (var message in set.Messages.OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                writer.Line();
                writer.Summary(null, $"The root of schemas/ocpp201/{message.Name}.json.");
                WriteField(writer, message.Name, message.Root, set);
            }
        }

        return writer.ToString();
    }

    private static void WriteField(CodeWriter writer, string fieldName, Definition definition, SchemaSet set)
    {
        var holder = fieldName + "Node";
        writer.Line($"public static SchemaNode {fieldName} => {holder}.Value;");
        writer.Line();
        using var block = writer.Block($"private static class {holder}");
        if (definition is EnumDefinition enumDefinition)
        {
            var values = string.Join(", ", enumDefinition.Values.Select(Literals.String));
            writer.Line($"public static readonly SchemaNode Value = SchemaNode.String(enumValues: [{values}], definition: {Literals.String(definition.Name)});");
            return;
        }

        var objectDefinition = (ObjectDefinition)definition;
        var additional = objectDefinition.AdditionalProperties ? ", additionalProperties: true" : "";
        var create = $"SchemaNode.Object({Literals.String(definition.Name)}{additional})";
        if (objectDefinition.Properties.Count == 0)
        {
            writer.Line($"public static readonly SchemaNode Value = {create};");
            return;
        }

        writer.Line($"public static readonly SchemaNode Value = {create}.Define(");
        for (var i = 0; i < objectDefinition.Properties.Count; i++)
        {
            var property = objectDefinition.Properties[i];
            var separator = i == objectDefinition.Properties.Count - 1 ? ");" : ",";
            writer.Line($"    new SchemaProperty({Literals.String(property.WireName)}, {Node(property.Type)}, {(property.Required ? "true" : "false")}){separator}");
        }
    }

    private static string Node(ValueModel value)
    {
        var arguments = new List<string>();
        switch (value.Kind)
        {
            case ValueKind.Reference:
                return value.Reference!;
            case ValueKind.String:
            case ValueKind.DateTime:
                if (value.MaxLength is { } maxLength)
                {
                    arguments.Add($"maxLength: {maxLength.ToString(CultureInfo.InvariantCulture)}");
                }

                if (value.Kind == ValueKind.DateTime)
                {
                    arguments.Add("isDateTime: true");
                }

                return $"SchemaNode.String({string.Join(", ", arguments)})";
            case ValueKind.Integer:
            case ValueKind.Number:
                AddDecimal(arguments, "minimum", value.Minimum);
                AddDecimal(arguments, "maximum", value.Maximum);
                return $"SchemaNode.{value.Kind}({string.Join(", ", arguments)})";
            case ValueKind.Boolean:
                return "SchemaNode.Boolean()";
            case ValueKind.Any:
                return "SchemaNode.Any()";
            default:
                arguments.Add(Node(value.Items!));
                if (value.MinItems is { } minItems)
                {
                    arguments.Add($"minItems: {minItems.ToString(CultureInfo.InvariantCulture)}");
                }

                if (value.MaxItems is { } maxItems)
                {
                    arguments.Add($"maxItems: {maxItems.ToString(CultureInfo.InvariantCulture)}");
                }

                return $"SchemaNode.Array({string.Join(", ", arguments)})";
        }
    }

    private static void AddDecimal(List<string> arguments, string name, decimal? value)
    {
        if (value is { } v)
        {
            arguments.Add($"{name}: {v.ToString(CultureInfo.InvariantCulture)}m");
        }
    }

    /// <summary>Enums first, then objects so that every object comes after the definitions it refers to;
    /// ties broken by name so the output is stable. Fails on a reference cycle, which static initialisers
    /// could not express (the OCPP 2.0.1 schemas have none).</summary>
    private static List<Definition> DependencyOrder(SchemaSet set)
    {
        var ordered = set.Definitions.Values.OfType<EnumDefinition>().OrderBy(d => d.Name, StringComparer.Ordinal).Cast<Definition>().ToList();
        var done = new HashSet<string>(ordered.Select(d => d.Name), StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in set.Definitions.Values.OfType<ObjectDefinition>().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            Visit(definition);
        }

        return ordered;

        void Visit(ObjectDefinition definition)
        {
            if (done.Contains(definition.Name))
            {
                return;
            }

            if (!visiting.Add(definition.Name))
            {
                throw new GeneratorException($"Definition {definition.Name} refers to itself; the schema table cannot express cycles.");
            }

            foreach (var reference in definition.Properties.Select(p => p.Type.Items ?? p.Type).Where(t => t.Kind == ValueKind.Reference).Select(t => t.Reference!).Order(StringComparer.Ordinal))
            {
                if (set.Definitions[reference] is ObjectDefinition target)
                {
                    Visit(target);
                }
            }

            visiting.Remove(definition.Name);
            done.Add(definition.Name);
            ordered.Add(definition);
        }
    }
}

/// <summary>C# literals for generated code.</summary>
internal static class Literals
{
    public static string String(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
