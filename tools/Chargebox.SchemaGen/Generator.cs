namespace Chargebox.SchemaGen;

/// <summary>Turns the schema folder into the generated files, keyed by their path relative to the
/// output folder (forward slashes), in ordinal order. Pure: nothing is written here, so a test can
/// compare the result with the checked-in files.</summary>
internal static class Generator
{
    public static SortedDictionary<string, string> Generate(string schemaFolder)
    {
        var set = SchemaReader.ReadFolder(schemaFolder);
        ActionDirections.CheckAgainst(set.Messages);

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in set.Messages)
        {
            files.Add($"Messages/{message.Name}.cs", ClassEmitter.Emit(message.Root, message, set));
            files.Add($"Converters/{message.Name}JsonConverter.cs", ConverterEmitter.Emit(message.Root, set));
        }

        foreach (var definition in set.Definitions.Values)
        {
            var (path, text) = definition switch
            {
                EnumDefinition e => ($"Enums/{e.Name}.cs", EnumEmitter.Emit(e)),
                ObjectDefinition o => ($"Types/{o.Name}.cs", ClassEmitter.Emit(o, null, set)),
                _ => throw new GeneratorException($"Unexpected definition {definition.Name}."),
            };
            files.Add(path, text);
            if (definition is ObjectDefinition objectDefinition)
            {
                files.Add($"Converters/{objectDefinition.Name}JsonConverter.cs", ConverterEmitter.Emit(objectDefinition, set));
            }
        }

        files.Add("OcppJsonContext.cs", RegistryEmitter.EmitJsonContext(set));
        files.Add("OcppSchemas.cs", SchemaTableEmitter.Emit(set));
        files.Add("OcppActions.cs", RegistryEmitter.EmitActions(set));
        return files;
    }

    /// <summary>Replaces every generated <c>.cs</c> file under <paramref name="outputFolder"/>: stale
    /// files from removed schemas are deleted; unchanged files are not touched.</summary>
    public static void Write(SortedDictionary<string, string> files, string outputFolder)
    {
        Directory.CreateDirectory(outputFolder);
        var wanted = files.Keys.Select(k => Path.GetFullPath(Path.Combine(outputFolder, k))).ToHashSet(StringComparer.Ordinal);
        foreach (var existing in Directory.GetFiles(outputFolder, "*.cs", SearchOption.AllDirectories))
        {
            if (!wanted.Contains(Path.GetFullPath(existing)))
            {
                File.Delete(existing);
            }
        }

        var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(outputFolder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || File.ReadAllText(path, utf8) != text)
            {
                File.WriteAllText(path, text, utf8);
            }
        }
    }
}
