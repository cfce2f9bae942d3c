namespace Chargebox.Storage.Tests;

/// <summary>A fresh directory under the system temp directory, deleted with its contents on disposal.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chargebox-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, SqliteStationStore.DatabaseFileName);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers under /tmp are harmless; a failed clean-up must not fail the test.
        }
    }
}
