using System.Globalization;
using System.Text.Json;

namespace Chargebox.SchemaGen;

/// <summary>Reads the OCPP 2.0.1 schema files into a <see cref="SchemaSet"/>. Anything outside the
/// subset of draft-06 that the official schemas use is rejected, so that a new schema version cannot
/// silently lose a constraint.</summary>
internal static class SchemaReader
{
    private static readonly HashSet<string> RootKeywords =
        ["$schema", "$id", "$comment", "definitions", "type", "additionalProperties", "properties", "required", "description"];

    private static readonly HashSet<string> DefinitionKeywords =
        ["description", "javaType", "type", "additionalProperties", "properties", "required", "enum", "default"];

    private static readonly HashSet<string> ValueKeywords =
        ["description", "type", "$ref", "maxLength", "format", "minimum", "maximum", "items", "minItems", "maxItems", "default"];

    private const string DefinitionPrefix = "#/definitions/";

    public static SchemaSet ReadFolder(string schemaFolder)
    {
        var files = Directory.GetFiles(schemaFolder, "*.json")
            .Where(f => Path.GetFileName(f).EndsWith("Request.json", StringComparison.Ordinal)
                || Path.GetFileName(f).EndsWith("Response.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new GeneratorException($"No *Request.json / *Response.json schema files in {schemaFolder}.");
        }

        var messages = new List<MessageSchema>();
        var definitions = new SortedDictionary<string, Definition>(StringComparer.Ordinal);
        var firstSeenIn = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var fileName = Path.GetFileNameWithoutExtension(file);
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var (message, fileDefinitions) = ReadMessage(fileName, document.RootElement);
            messages.Add(message);
            foreach (var definition in fileDefinitions)
            {
                if (definitions.TryGetValue(definition.Name, out var existing))
                {
                    if (existing.Signature != definition.Signature)
                    {
                        throw new GeneratorException(
                            $"Definition {definition.Name} differs between {firstSeenIn[definition.Name]}.json and {fileName}.json:\n" +
                            $"  {existing.Signature}\n  {definition.Signature}");
                    }

                    continue;
                }

                definitions.Add(definition.Name, definition);
                firstSeenIn.Add(definition.Name, fileName);
            }
        }

        foreach (var message in messages)
        {
            if (definitions.ContainsKey(message.Name))
            {
                throw new GeneratorException($"Definition {message.Name} has the name of a message.");
            }
        }

        return new SchemaSet(messages, definitions);
    }

    private static (MessageSchema Message, List<Definition> Definitions) ReadMessage(string fileName, JsonElement root)
    {
        CheckKeywords(root, RootKeywords, fileName);
        var id = GetString(root, "$id", fileName);
        if (!id.EndsWith(":" + fileName, StringComparison.Ordinal))
        {
            throw new GeneratorException($"{fileName}.json: $id {id} does not name the file.");
        }

        var isRequest = fileName.EndsWith("Request", StringComparison.Ordinal);
        var actionName = isRequest ? fileName[..^"Request".Length] : fileName[..^"Response".Length];

        var definitions = new List<Definition>();
        if (root.TryGetProperty("definitions", out var definitionsElement))
        {
            foreach (var entry in definitionsElement.EnumerateObject())
            {
                definitions.Add(ReadDefinition(entry.Name, entry.Value, fileName));
            }
        }

        var rootObject = ReadObject(fileName, root, fileName);
        foreach (var property in rootObject.Properties.Concat(definitions.OfType<ObjectDefinition>().SelectMany(d => d.Properties)))
        {
            CheckReferences(property.Type, definitions, fileName);
        }

        return (new MessageSchema(actionName, isRequest, rootObject), definitions);
    }

    private static Definition ReadDefinition(string name, JsonElement element, string fileName)
    {
        var where = $"{fileName}.json#/definitions/{name}";
        CheckKeywords(element, DefinitionKeywords, where);
        var type = GetString(element, "type", where);
        if (type == "string" && element.TryGetProperty("enum", out var enumElement))
        {
            var values = enumElement.EnumerateArray().Select(v => v.GetString()
                ?? throw new GeneratorException($"{where}: enum values must be strings.")).ToList();
            if (values.Count == 0 || values.Distinct(StringComparer.Ordinal).Count() != values.Count)
            {
                throw new GeneratorException($"{where}: enum must list distinct values.");
            }

            string? defaultValue = null;
            if (element.TryGetProperty("default", out var defaultElement))
            {
                defaultValue = defaultElement.GetString();
                if (defaultValue is null || !values.Contains(defaultValue))
                {
                    throw new GeneratorException($"{where}: default must be one of the enum values.");
                }
            }

            return new EnumDefinition(name, GetDescription(element), values, defaultValue);
        }

        if (type == "object")
        {
            return ReadObject(name, element, where);
        }

        throw new GeneratorException($"{where}: only object and string-enum definitions are supported, found type {type}.");
    }

    private static ObjectDefinition ReadObject(string name, JsonElement element, string where)
    {
        if (GetString(element, "type", where) != "object")
        {
            throw new GeneratorException($"{where}: expected type object.");
        }

        if (element.TryGetProperty("enum", out _) || element.TryGetProperty("default", out _))
        {
            throw new GeneratorException($"{where}: enum or default on an object is not supported.");
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (element.TryGetProperty("required", out var requiredElement))
        {
            foreach (var item in requiredElement.EnumerateArray())
            {
                required.Add(item.GetString() ?? throw new GeneratorException($"{where}: required must list strings."));
            }
        }

        var properties = new List<PropertyModel>();
        if (element.TryGetProperty("properties", out var propertiesElement))
        {
            foreach (var property in propertiesElement.EnumerateObject())
            {
                var propertyWhere = $"{where}/properties/{property.Name}";
                properties.Add(new PropertyModel(
                    property.Name,
                    GetDescription(property.Value),
                    required.Contains(property.Name),
                    ReadValue(property.Value, propertyWhere)));
            }
        }

        var unknownRequired = required.Except(properties.Select(p => p.WireName)).ToList();
        if (unknownRequired.Count != 0)
        {
            throw new GeneratorException($"{where}: required names unknown properties {string.Join(", ", unknownRequired)}.");
        }

        var additional = true;
        if (element.TryGetProperty("additionalProperties", out var additionalElement))
        {
            additional = additionalElement.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw new GeneratorException($"{where}: additionalProperties must be a boolean."),
            };
        }

        return new ObjectDefinition(name, GetDescription(element), properties, additional);
    }

    private static ValueModel ReadValue(JsonElement element, string where)
    {
        CheckKeywords(element, ValueKeywords, where);
        if (element.TryGetProperty("$ref", out var reference))
        {
            var text = reference.GetString() ?? "";
            if (!text.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
            {
                throw new GeneratorException($"{where}: only local #/definitions/ references are supported, found {text}.");
            }

            if (element.EnumerateObject().Any(p => p.Name is not ("$ref" or "description")))
            {
                throw new GeneratorException($"{where}: keywords next to $ref are not supported.");
            }

            return new ValueModel(ValueKind.Reference, Reference: text[DefinitionPrefix.Length..]);
        }

        if (!element.TryGetProperty("type", out _))
        {
            if (element.EnumerateObject().Any(p => p.Name != "description"))
            {
                throw new GeneratorException($"{where}: a value without type may only have a description.");
            }

            return new ValueModel(ValueKind.Any);
        }

        var type = GetString(element, "type", where);
        string? defaultJson = element.TryGetProperty("default", out var defaultElement) ? defaultElement.GetRawText() : null;
        var allowed = type switch
        {
            "string" => new[] { "maxLength", "format" },
            "integer" or "number" => ["minimum", "maximum"],
            "boolean" => [],
            "array" => ["items", "minItems", "maxItems"],
            _ => throw new GeneratorException($"{where}: inline values of type {type} are not supported."),
        };
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is not ("description" or "type" or "default") && !allowed.Contains(property.Name))
            {
                throw new GeneratorException($"{where}: {property.Name} is not supported on type {type}.");
            }
        }

        switch (type)
        {
            case "string":
                var isDateTime = false;
                if (element.TryGetProperty("format", out var format))
                {
                    isDateTime = format.GetString() == "date-time"
                        ? true
                        : throw new GeneratorException($"{where}: format {format.GetString()} is not supported.");
                }

                return new ValueModel(isDateTime ? ValueKind.DateTime : ValueKind.String, MaxLength: GetInt(element, "maxLength"), DefaultJson: defaultJson);
            case "integer":
            case "number":
                return new ValueModel(
                    type == "integer" ? ValueKind.Integer : ValueKind.Number,
                    Minimum: GetDecimal(element, "minimum"),
                    Maximum: GetDecimal(element, "maximum"),
                    DefaultJson: defaultJson);
            case "boolean":
                return new ValueModel(ValueKind.Boolean, DefaultJson: defaultJson);
            default:
                if (!element.TryGetProperty("items", out var items))
                {
                    throw new GeneratorException($"{where}: array without items.");
                }

                var itemModel = ReadValue(items, where + "/items");
                if (itemModel.Kind == ValueKind.Array)
                {
                    throw new GeneratorException($"{where}: arrays of arrays are not supported.");
                }

                return new ValueModel(ValueKind.Array, Items: itemModel, MinItems: GetInt(element, "minItems"), MaxItems: GetInt(element, "maxItems"), DefaultJson: defaultJson);
        }
    }

    private static void CheckReferences(ValueModel value, List<Definition> definitions, string fileName)
    {
        if (value.Kind == ValueKind.Array)
        {
            CheckReferences(value.Items!, definitions, fileName);
        }
        else if (value.Kind == ValueKind.Reference && !definitions.Any(d => d.Name == value.Reference))
        {
            throw new GeneratorException($"{fileName}.json: reference to unknown definition {value.Reference}.");
        }
    }

    private static void CheckKeywords(JsonElement element, HashSet<string> allowed, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new GeneratorException($"{where}: expected a schema object.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw new GeneratorException($"{where}: keyword {property.Name} is not supported by the generator.");
            }
        }
    }

    private static string GetString(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new GeneratorException($"{where}: missing string {name}.");

    private static string? GetDescription(JsonElement element) =>
        element.TryGetProperty("description", out var value) ? value.GetString() : null;

    private static int? GetInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.GetInt32() : null;

    private static decimal? GetDecimal(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? decimal.Parse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) : null;
}
