namespace Chargebox.SchemaGen;

/// <summary>Writes a message class (request or response) or a complex type class.</summary>
internal static class ClassEmitter
{
    /// <summary>The name of the property that keeps JSON properties a permissive schema does not list.</summary>
    public const string ExtensionDataProperty = "AdditionalProperties";

    public static string Emit(ObjectDefinition definition, MessageSchema? message, SchemaSet set)
    {
        var writer = new CodeWriter("Chargebox.Protocol.Json", "System.Text.Json", "System.Text.Json.Serialization");
        writer.Line("namespace Chargebox.Protocol.Messages;").Line();

        var extra = new List<string>();
        var baseList = "";
        if (message is not null)
        {
            var direction = ActionDirections.Table[message.ActionName];
            var kind = message.IsRequest ? "request" : "response";
            extra.Add($"The {kind} payload of the OCPP 2.0.1 action <c>{message.ActionName}</c> ({DirectionText(direction, message.IsRequest)}).");
            extra.Add($"Schema: schemas/ocpp201/{message.Name}.json.");
            baseList = message.IsRequest
                ? $" : IOcppRequest<{message.ActionName}Response>"
                : " : IOcppResponse";
        }

        writer.Summary(definition.Description, [.. extra]);
        writer.Line($"[JsonConverter(typeof({definition.Name}JsonConverter))]");
        using (writer.Block($"public sealed partial class {definition.Name}{baseList}"))
        {
            var first = true;
            if (message is { IsRequest: true })
            {
                writer.Line($"OcppAction IOcppRequest.Action => OcppActions.{message.ActionName};");
                first = false;
            }

            var names = new HashSet<string>(StringComparer.Ordinal) { definition.Name };
            foreach (var property in definition.Properties)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                var where = $"{definition.Name}.{property.WireName}";
                var name = Naming.Property(property.WireName, where);
                if (!names.Add(name) || name == ExtensionDataProperty)
                {
                    throw new GeneratorException($"{where}: property name {name} collides with another member.");
                }

                var defaultLine = property.Type.DefaultJson is null
                    ? []
                    : new[] { $"Absent means the schema default, {Documentation.Escape(property.Type.DefaultJson)}." };
                writer.Summary(property.Description, defaultLine);
                writer.Line($"[JsonPropertyName(\"{property.WireName}\")]");
                var required = property.Required ? "required " : "";
                var type = TypeNames.CSharp(property.Type, set) + (property.Required ? "" : "?");
                writer.Line($"public {required}{type} {name} {{ get; init; }}");
            }

            if (definition.AdditionalProperties)
            {
                if (!first)
                {
                    writer.Line();
                }

                writer.Summary(null, "JSON properties the schema does not list, kept as read so that they round-trip: this schema allows them.");
                writer.Line("[JsonExtensionData]");
                // A setter, not init: System.Text.Json cannot fill init-only extension data (it would bind it to a constructor).
                writer.Line($"public Dictionary<string, JsonElement>? {ExtensionDataProperty} {{ get; set; }}");
            }
        }

        return writer.ToString();
    }

    private static string DirectionText(string direction, bool isRequest) => (direction, isRequest) switch
    {
        (ActionDirections.ChargingStationToCsms, true) or (ActionDirections.CsmsToChargingStation, false) => "Charging Station to CSMS",
        (ActionDirections.CsmsToChargingStation, true) or (ActionDirections.ChargingStationToCsms, false) => "CSMS to Charging Station",
        _ => "either side may send it",
    };
}

/// <summary>The C# type of a schema value.</summary>
internal static class TypeNames
{
    public static string CSharp(ValueModel value, SchemaSet set) => value.Kind switch
    {
        ValueKind.String => "string",
        ValueKind.DateTime => "DateTimeOffset",
        ValueKind.Integer => "int",
        ValueKind.Number => "decimal",
        ValueKind.Boolean => "bool",
        ValueKind.Array => $"IReadOnlyList<{CSharp(value.Items!, set)}>",
        ValueKind.Any => "JsonElement",
        _ => set.Definitions[value.Reference!].Name,
    };
}
