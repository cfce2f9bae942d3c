namespace Chargebox.SchemaGen;

/// <summary>Writes a <c>JsonConverter</c> per message and object type that reads the properties into
/// locals and builds the object with one initialiser, and writes it property by property (absent
/// optional values are left out). System.Text.Json's own path for <c>required init</c> properties
/// buffers every value boxed in an argument array per object, which made deserializing several times
/// slower and larger than the message itself.</summary>
internal static class ConverterEmitter
{
    public static string Emit(ObjectDefinition definition, SchemaSet set)
    {
        var name = definition.Name;
        var properties = definition.Properties
            .Select(p => (Model: p, Member: Naming.Property(p.WireName, $"{name}.{p.WireName}"), Local: Local(p.WireName)))
            .ToList();
        var writer = new CodeWriter("Chargebox.Protocol.Messages", "System.Text.Json", "System.Text.Json.Serialization");
        writer.Line("namespace Chargebox.Protocol.Json;").Line();
        writer.Summary(null, $"Reads and writes <see cref=\"{name}\"/> without reflection or boxing.");
        using (writer.Block($"internal sealed class {name}JsonConverter : JsonConverter<{name}>"))
        {
            foreach (var (model, member, _) in properties)
            {
                writer.Line($"private static readonly JsonEncodedText {member}Name = JsonEncodedText.Encode({Literals.String(model.WireName)});");
            }

            if (properties.Count != 0)
            {
                writer.Line();
            }

            writer.Line($"public override {name} Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>");
            writer.Line("    ReadValue(ref reader, options);");
            writer.Line();
            writer.Line($"public override void Write(Utf8JsonWriter writer, {name} value, JsonSerializerOptions options) =>");
            writer.Line("    WriteValue(writer, value, options);");
            writer.Line();
            EmitRead(writer, definition, properties, set);
            writer.Line();
            EmitWrite(writer, definition, properties, set);
        }

        return writer.ToString();
    }

    private static void EmitRead(CodeWriter writer, ObjectDefinition definition, List<(PropertyModel Model, string Member, string Local)> properties, SchemaSet set)
    {
        var name = definition.Name;
        var required = properties.Where(p => p.Model.Required).ToList();
        using (writer.Block($"internal static {name} ReadValue(ref Utf8JsonReader reader, JsonSerializerOptions options)"))
        {
            writer.Line($"OcppJsonValues.ExpectObject(ref reader, {Literals.String(name)});");
            foreach (var (model, _, local) in properties)
            {
                writer.Line($"{TypeNames.CSharp(model.Type, set)}? {local} = null;");
            }

            if (definition.AdditionalProperties)
            {
                writer.Line("Dictionary<string, JsonElement>? additional = null;");
            }

            if (required.Count != 0)
            {
                writer.Line("var seen = 0;");
            }

            using (writer.Block("while (OcppJsonValues.NextProperty(ref reader))"))
            {
                var branch = "if";
                foreach (var (model, _, local) in properties)
                {
                    using (writer.Block($"{branch} (reader.ValueTextEquals({Literals.String(model.WireName)}u8))"))
                    {
                        writer.Line("reader.Read();");
                        var read = ReadExpression(model.Type, set, "reader");
                        var canBeNull = !(model.Required && IsValueType(model.Type, set));
                        writer.Line(canBeNull
                            ? $"{local} = reader.TokenType == JsonTokenType.Null ? null : {read};"
                            : $"{local} = {read};");
                        if (model.Required)
                        {
                            writer.Line($"seen |= {1 << required.FindIndex(r => r.Model == model)};");
                        }
                    }

                    branch = "else if";
                }

                if (properties.Count == 0)
                {
                    EmitUnknownProperty(writer, definition);
                }
                else
                {
                    using (writer.Block("else"))
                    {
                        EmitUnknownProperty(writer, definition);
                    }
                }
            }

            writer.Line();
            if (required.Count != 0)
            {
                using (writer.Block($"if (seen != {(1 << required.Count) - 1})"))
                {
                    writer.Line($"throw OcppJsonValues.MissingRequired({Literals.String(name)});");
                }
            }

            writer.Line();
            writer.Line($"return new {name}");
            writer.Line("{");
            foreach (var (model, member, local) in properties)
            {
                var value = !model.Required ? local : IsValueType(model.Type, set) ? $"{local}.GetValueOrDefault()" : $"{local}!";
                writer.Line($"    {member} = {value},");
            }

            if (definition.AdditionalProperties)
            {
                writer.Line($"    {ClassEmitter.ExtensionDataProperty} = additional,");
            }

            writer.Line("};");
        }
    }

    private static void EmitUnknownProperty(CodeWriter writer, ObjectDefinition definition)
    {
        if (definition.AdditionalProperties)
        {
            writer.Line("OcppJsonValues.AddAdditional(ref reader, ref additional);");
            return;
        }

        // Like System.Text.Json: a property the type does not know is skipped (the validator refuses it before).
        writer.Line("reader.Read();");
        writer.Line("reader.Skip();");
    }

    private static void EmitWrite(CodeWriter writer, ObjectDefinition definition, List<(PropertyModel Model, string Member, string Local)> properties, SchemaSet set)
    {
        using (writer.Block($"internal static void WriteValue(Utf8JsonWriter writer, {definition.Name} value, JsonSerializerOptions options)"))
        {
            writer.Line("writer.WriteStartObject();");
            foreach (var (model, member, local) in properties)
            {
                // Null is never written: OCPP wants an absent optional field left out (Part 4, 4.1.5).
                var alwaysSet = model.Required && IsValueType(model.Type, set);
                if (alwaysSet)
                {
                    writer.Line($"writer.WritePropertyName({member}Name);");
                    EmitWriteValue(writer, model.Type, set, $"value.{member}", 0);
                    continue;
                }

                using (writer.Block($"if (value.{member} is {{ }} {local})"))
                {
                    writer.Line($"writer.WritePropertyName({member}Name);");
                    EmitWriteValue(writer, model.Type, set, local, 0);
                }
            }

            if (definition.AdditionalProperties)
            {
                writer.Line($"OcppJsonValues.WriteAdditional(writer, value.{ClassEmitter.ExtensionDataProperty});");
            }

            writer.Line("writer.WriteEndObject();");
        }
    }

    private static string ReadExpression(ValueModel value, SchemaSet set, string reader, string options = "options", int depth = 0) => value.Kind switch
    {
        ValueKind.String => $"OcppJsonValues.String(ref {reader})",
        ValueKind.DateTime => $"OcppJsonValues.DateTime(ref {reader})",
        ValueKind.Integer => $"OcppJsonValues.Integer(ref {reader})",
        ValueKind.Number => $"OcppJsonValues.Number(ref {reader})",
        ValueKind.Boolean => $"OcppJsonValues.Boolean(ref {reader})",
        ValueKind.Any => $"OcppJsonValues.Any(ref {reader})",
        ValueKind.Array =>
            $"OcppJsonValues.Array(ref {reader}, {options}, static (ref Utf8JsonReader r{depth}, JsonSerializerOptions o{depth}) => {ReadExpression(value.Items!, set, $"r{depth}", $"o{depth}", depth + 1)})",
        _ => set.Definitions[value.Reference!] is EnumDefinition e
            ? $"OcppJsonValues.Enum<{e.Name}>(ref {reader}, {e.Name}Wire.TryParse)"
            : $"{value.Reference}JsonConverter.ReadValue(ref {reader}, {options})",
    };

    private static void EmitWriteValue(CodeWriter writer, ValueModel value, SchemaSet set, string expression, int depth)
    {
        switch (value.Kind)
        {
            case ValueKind.String:
                writer.Line($"writer.WriteStringValue({expression});");
                break;
            case ValueKind.DateTime:
                writer.Line($"OcppDateTimeConverter.WriteValue(writer, {expression});");
                break;
            case ValueKind.Integer or ValueKind.Number:
                writer.Line($"writer.WriteNumberValue({expression});");
                break;
            case ValueKind.Boolean:
                writer.Line($"writer.WriteBooleanValue({expression});");
                break;
            case ValueKind.Any:
                writer.Line($"{expression}.WriteTo(writer);");
                break;
            case ValueKind.Array:
                writer.Line("writer.WriteStartArray();");
                using (writer.Block($"foreach (var item{depth} in {expression})"))
                {
                    EmitWriteValue(writer, value.Items!, set, $"item{depth}", depth + 1);
                }

                writer.Line("writer.WriteEndArray();");
                break;
            default:
                writer.Line(set.Definitions[value.Reference!] is EnumDefinition
                    ? $"writer.WriteStringValue({expression}.ToWireString());"
                    : $"{value.Reference}JsonConverter.WriteValue(writer, {expression}, options);");
                break;
        }
    }

    private static bool IsValueType(ValueModel value, SchemaSet set) => value.Kind switch
    {
        ValueKind.DateTime or ValueKind.Integer or ValueKind.Number or ValueKind.Boolean or ValueKind.Any => true,
        ValueKind.Reference => set.Definitions[value.Reference!] is EnumDefinition,
        _ => false,
    };

    /// <summary>A local variable for a property: the suffix keeps it clear of C# keywords (<c>type</c>) and
    /// of the converter's own names (<c>value</c>, <c>reader</c>).</summary>
    private static string Local(string wireName) => wireName + "Value";
}
