using System.Security.Cryptography;

namespace Chargebox.Simulator;

/// <summary>The ECDSA P-256 key a simulated meter signs with. Like a real meter's key it never leaves the meter:
/// with a key directory it is kept there as a PKCS#8 PEM file readable by the owner only, and the same key is
/// used again after a restart, so a CSMS that registered the public key can keep verifying. Made on first
/// use, so a fleet of idle simulated chargers costs no key generation.</summary>
internal sealed class SimulatedMeterKey(string? directory, int evseId) : IDisposable
{
    private ECDsa? _key;

    /// <summary>Where the key is kept; null when it lives in memory only.</summary>
    public string? FilePath { get; } = directory is null ? null : Path.Combine(directory, $"meter-evse-{evseId}.pem");

    /// <summary>The key, loaded or made on first use. Callers hold the charger's gate.</summary>
    public ECDsa Key => _key ??= LoadOrCreate();

    public void Dispose() => _key?.Dispose();

    private ECDsa LoadOrCreate()
    {
        if (FilePath is null)
        {
            return ECDsa.Create(ECCurve.NamedCurves.nistP256);
        }

        if (File.Exists(FilePath))
        {
            var loaded = ECDsa.Create();
            loaded.ImportFromPem(File.ReadAllText(FilePath));
            if (loaded.KeySize != 256)
            {
                loaded.Dispose();
                throw new InvalidOperationException($"Meter key {FilePath} is not a P-256 key; delete it to make a new one.");
            }

            return loaded;
        }

        var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // A private key: readable by the owner only.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(FilePath, options))
        {
            writer.Write(created.ExportPkcs8PrivateKeyPem());
        }

        return created;
    }
}
