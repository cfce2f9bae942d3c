namespace Chargebox.SchemaGen;

/// <summary>Writes the source-generated JSON context and the <c>OcppActions</c> registry.</summary>
internal static class RegistryEmitter
{
    public static string EmitJsonContext(SchemaSet set)
    {
        var writer = new CodeWriter("System.Text.Json.Serialization", "Chargebox.Protocol.Messages");
        writer.Line("namespace Chargebox.Protocol.Json;").Line();
        writer.Summary(null,
            "Source-generated System.Text.Json metadata for every OCPP 2.0.1 request, response, complex type and enum: no reflection",
            "at run time. Absent optional properties are not written (OCPP forbids null for them) and date-times are",
            "written as UTC with milliseconds by <see cref=\"OcppDateTimeConverter\"/>.");
        writer.Line("[JsonSourceGenerationOptions(");
        writer.Line("    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,");
        writer.Line("    WriteIndented = false,");
        writer.Line("    Converters = new[] { typeof(OcppDateTimeConverter) })]");
        // Complex types too: stores keep some of them on their own (a NetworkConnectionProfileType per slot).
        var names = set.Messages.Select(m => m.Name)
            .Concat(set.Definitions.Values.OfType<EnumDefinition>().Select(d => d.Name))
            .Concat(set.Definitions.Values.OfType<ObjectDefinition>().Select(d => d.Name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            writer.Line($"[JsonSerializable(typeof({name}))]");
        }

        writer.Line("public sealed partial class OcppJsonContext : JsonSerializerContext");
        writer.Line("{");
        writer.Line("}");
        return writer.ToString();
    }

    public static string EmitActions(SchemaSet set)
    {
        var actions = set.Messages.Select(m => m.ActionName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var writer = new CodeWriter(
            "System.Collections.ObjectModel",
            "Chargebox.Protocol.Json",
            "Chargebox.Protocol.Validation");
        writer.Line("namespace Chargebox.Protocol;").Line();
        writer.Summary(null,
            "Every OCPP 2.0.1 action with its direction, JSON type information and schemas. Type information and",
            "schemas are made when an action first needs them, so that starting a station stays cheap.");
        using (writer.Block("public static class OcppActions"))
        {
            foreach (var action in actions)
            {
                writer.Summary(null, $"<c>{action}</c>: <see cref=\"Messages.{action}Request\"/> answered by <see cref=\"Messages.{action}Response\"/>.");
                writer.Line($"public static readonly OcppAction {action} = new(");
                writer.Line($"    {Literals.String(action)},");
                writer.Line($"    OcppDirection.{ActionDirections.Table[action]},");
                writer.Line($"    typeof(Messages.{action}Request),");
                writer.Line($"    typeof(Messages.{action}Response),");
                writer.Line($"    static () => OcppJsonContext.Default.{action}Request,");
                writer.Line($"    static () => OcppJsonContext.Default.{action}Response,");
                writer.Line($"    static () => OcppSchemas.{action}Request,");
                writer.Line($"    static () => OcppSchemas.{action}Response);");
                writer.Line();
            }

            writer.Summary(null, "All actions, sorted by name.");
            writer.Line("public static IReadOnlyList<OcppAction> All { get; } = new ReadOnlyCollection<OcppAction>(");
            writer.Line("[");
            foreach (var action in actions)
            {
                writer.Line($"    {action},");
            }

            writer.Line("]);");
            writer.Line();
            // Plain dictionaries, never written after start-up: for 64 keys a frozen dictionary's analysis of
            // the keys costs more at start-up than it saves per look-up.
            writer.Line("private static readonly Dictionary<string, OcppAction> ByName = All.ToDictionary(a => a.Name, StringComparer.Ordinal);");
            writer.Line();
            writer.Line("private static readonly Dictionary<string, OcppAction>.AlternateLookup<ReadOnlySpan<char>> BySpan =");
            writer.Line("    ByName.GetAlternateLookup<ReadOnlySpan<char>>();");
            writer.Line();
            writer.Line("private static readonly Dictionary<Type, OcppAction> ByRequestType = All.ToDictionary(a => a.RequestType);");
            writer.Line();
            writer.Line("private static readonly Dictionary<Type, OcppAction> ByResponseType = All.ToDictionary(a => a.ResponseType);");
            writer.Line();
            writer.Summary(null, "Finds an action by the name in a CALL; exact and case-sensitive (OCPP-J, Part 4).");
            writer.Line("public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OcppAction? action) =>");
            writer.Line("    ByName.TryGetValue(name, out action);");
            writer.Line();
            writer.Summary(null, "Finds an action by name without allocating a string; exact and case-sensitive.");
            writer.Line("public static bool TryGet(ReadOnlySpan<char> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OcppAction? action) =>");
            writer.Line("    BySpan.TryGetValue(name, out action);");
            writer.Line();
            writer.Summary(null, "The action whose request type is <paramref name=\"requestType\"/>.");
            writer.Line("public static OcppAction ForRequestType(Type requestType) =>");
            writer.Line("    ByRequestType.TryGetValue(requestType, out var action)");
            writer.Line("        ? action");
            writer.Line("        : throw new ArgumentException($\"{requestType} is not an OCPP 2.0.1 request type.\", nameof(requestType));");
            writer.Line();
            writer.Summary(null, "The action whose response type is <paramref name=\"responseType\"/>.");
            writer.Line("public static OcppAction ForResponseType(Type responseType) =>");
            writer.Line("    ByResponseType.TryGetValue(responseType, out var action)");
            writer.Line("        ? action");
            writer.Line("        : throw new ArgumentException($\"{responseType} is not an OCPP 2.0.1 response type.\", nameof(responseType));");
        }

        return writer.ToString();
    }
}
