using System.Text.Json;
using Chargebox.Testing.Schemas;

namespace Chargebox.Protocol.Tests.Generated;

/// <summary>The schema files of schemas/ocpp201, read directly (not through the generator), as the
/// independent expectation for the generated code.</summary>
internal static class OfficialSchemas
{
    public static string Folder => RepositoryRoot.Combine("schemas/ocpp201");

    /// <summary>Every message schema name (BootNotificationRequest, ...), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        Directory.GetFiles(Folder, "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Select(n => n!)
            .Order(StringComparer.Ordinal)
            .ToList();

    public static JsonElement Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, name + ".json")));
        return document.RootElement.Clone();
    }

    /// <summary>Every enum definition of every schema file: name → wire values in schema order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Enums()
    {
        var enums = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var name in Names)
        {
            foreach (var definition in Load(name).GetProperty("definitions").EnumerateObject())
            {
                if (definition.Value.TryGetProperty("enum", out var values))
                {
                    enums[definition.Name] = values.EnumerateArray().Select(v => v.GetString()!).ToList();
                }
            }
        }

        return enums;
    }
}
