namespace Chargebox.SchemaGen;

/// <summary>Where the generator reads and writes by default, relative to the repository root (the
/// folder holding Chargebox.slnx).</summary>
internal static class RepositoryLayout
{
    public const string SchemaFolder = "schemas/ocpp201";
    public const string OutputFolder = "src/Chargebox.Protocol/Generated";

    public static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Chargebox.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new GeneratorException($"No Chargebox.slnx in {start} or above; run from inside the repository or pass the folders.");
    }
}
