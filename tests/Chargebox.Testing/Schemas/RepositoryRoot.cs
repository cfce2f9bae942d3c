namespace Chargebox.Testing.Schemas;

/// <summary>The checkout the tests run from: the nearest folder above the test binaries that holds
/// Chargebox.slnx.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() => Find(AppContext.BaseDirectory));

    /// <summary>The full path of the repository root.</summary>
    public static string Path => Root.Value;

    /// <summary>A path below the repository root, given with forward slashes (<c>schemas/ocpp201</c>).</summary>
    public static string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    private static string Find(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Chargebox.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Chargebox.slnx in {start} or any folder above it; run the tests from inside the repository.");
    }
}
