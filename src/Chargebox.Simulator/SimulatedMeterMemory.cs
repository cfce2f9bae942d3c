using System.Globalization;
using System.Text.Json;

namespace Chargebox.Simulator;

/// <summary>The non-volatile memory of one simulated meter: its energy register and its OCMF pagination
/// counters. A real meter keeps them through a power cut; with a directory they are kept there as
/// <c>meter-evse-{id}.json</c> and read again by the next charger over the same directory, so the register
/// of a restarted host goes on from where it was. Without a directory they live in memory only (tests).
/// <para>The file is written before a value that needs it is reported (write-ahead), durably (flushed to disk)
/// and atomically (a temporary file renamed over the old one): whatever moment a kill or power cut strikes,
/// the register read after it is at least the last one reported, so it never goes backwards, and no page
/// number is used twice. What is lost is only energy delivered but never reported.</para>
/// Callers hold the charger's gate.</summary>
internal sealed class SimulatedMeterMemory
{
    private SimulatedMeterMemory(string? filePath, decimal? registerWh, long transactionPages, long fiscalPages)
    {
        FilePath = filePath;
        RegisterWh = registerWh;
        TransactionPages = transactionPages;
        FiscalPages = fiscalPages;
    }

    /// <summary>Where the memory is kept; null when it lives in memory only.</summary>
    public string? FilePath { get; }

    /// <summary>The last register value reported, in Wh; null when this meter never reported one.</summary>
    public decimal? RegisterWh { get; private set; }

    /// <summary>The last OCMF page number used for a reading in a transaction (T).</summary>
    public long TransactionPages { get; private set; }

    /// <summary>The last OCMF page number used for a fiscal reading (F).</summary>
    public long FiscalPages { get; private set; }

    /// <summary>Reads the memory of meter <paramref name="evseId"/> from <paramref name="directory"/>; empty when
    /// there is no directory or no file yet.</summary>
    /// <exception cref="InvalidOperationException">The file exists but cannot be read as a meter memory.</exception>
    public static SimulatedMeterMemory Load(string? directory, int evseId)
    {
        if (directory is null)
        {
            return new SimulatedMeterMemory(null, null, 0, 0);
        }

        var path = Path.Combine(directory, $"meter-evse-{evseId}.json");
        if (!File.Exists(path))
        {
            return new SimulatedMeterMemory(path, null, 0, 0);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var registerWh = decimal.Parse(root.GetProperty("registerWh").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
            var transactionPages = root.GetProperty("transactionPages").GetInt64();
            var fiscalPages = root.GetProperty("fiscalPages").GetInt64();
            if (registerWh < 0 || transactionPages < 0 || fiscalPages < 0)
            {
                throw new FormatException("negative value");
            }

            return new SimulatedMeterMemory(path, registerWh, transactionPages, fiscalPages);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentNullException or OverflowException)
        {
            throw new InvalidOperationException($"Meter memory {path} cannot be read ({ex.Message}); delete it to start the register at its initial value.", ex);
        }
    }

    /// <summary>Keeps <paramref name="registerWh"/> before it is reported; nothing to write when the register
    /// has not moved since the last reading.</summary>
    public void KeepRegister(decimal registerWh)
    {
        if (RegisterWh == registerWh)
        {
            return;
        }

        RegisterWh = registerWh;
        Save();
    }

    /// <summary>The next page number of a context, kept before the record carrying it is signed.</summary>
    public long NextPage(bool fiscal)
    {
        var page = fiscal ? ++FiscalPages : ++TransactionPages;
        Save();
        return page;
    }

    private void Save()
    {
        if (FilePath is null)
        {
            return;
        }

        var temporary = FilePath + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var json = new Utf8JsonWriter(file))
            {
                json.WriteStartObject();
                json.WriteString("registerWh", (RegisterWh ?? 0m).ToString("0.000", CultureInfo.InvariantCulture));
                json.WriteNumber("transactionPages", TransactionPages);
                json.WriteNumber("fiscalPages", FiscalPages);
                json.WriteEndObject();
            }

            // On disk before the rename, so a power cut leaves the old file or the new one, never a torn one.
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }
}
