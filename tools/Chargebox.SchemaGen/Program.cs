// Regenerates src/Chargebox.Protocol/Generated from schemas/ocpp201.
// Usage: dotnet run --project tools/Chargebox.SchemaGen [-- <schema folder> [<output folder>]]
using Chargebox.SchemaGen;

try
{
    if (args.Length > 2 || args.Any(a => a is "-h" or "--help"))
    {
        Console.Error.WriteLine("usage: Chargebox.SchemaGen [<schema folder> [<output folder>]]");
        Console.Error.WriteLine($"defaults: {RepositoryLayout.SchemaFolder} and {RepositoryLayout.OutputFolder} under the folder holding Chargebox.slnx");
        return 2;
    }

    var root = args.Length == 2 ? null : RepositoryLayout.FindRoot(Directory.GetCurrentDirectory());
    var schemaFolder = Path.GetFullPath(args.Length >= 1 ? args[0] : Path.Combine(root!, RepositoryLayout.SchemaFolder));
    var outputFolder = Path.GetFullPath(args.Length == 2 ? args[1] : Path.Combine(root!, RepositoryLayout.OutputFolder));

    var files = Generator.Generate(schemaFolder);
    Generator.Write(files, outputFolder);
    Console.WriteLine($"Wrote {files.Count} files from {schemaFolder} to {outputFolder}.");
    return 0;
}
catch (GeneratorException e)
{
    Console.Error.WriteLine($"Chargebox.SchemaGen: {e.Message}");
    return 1;
}
