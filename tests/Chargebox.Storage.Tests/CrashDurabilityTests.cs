using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Chargebox.Storage.Tests;

/// <summary>The store's promise (IStationStore): a write is durable when its task completes. A child
/// process writes in a loop and acknowledges each completed write; it is killed with SIGKILL mid-loop,
/// and every acknowledged write must be in the reopened file, in order, and the file intact.</summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const int AcknowledgedEnqueuesBeforeKill = 200;
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Every_acknowledged_write_survives_a_process_kill()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using (var probe = CrashProbeProcess.Start("write", _directory.Path))
        {
            await probe.ReadUntilAsync(lines => lines.Count(l => l.StartsWith("m ", StringComparison.Ordinal)) >= AcknowledgedEnqueuesBeforeKill, timeout.Token);
            await probe.KillAsync(timeout.Token);
            var acknowledged = Acknowledgements.Parse(probe.Lines);

            AssertFileIntact();
            await using var store = await SqliteStationStore.OpenAsync(_directory.Path, timeout.Token);
            var queue = await store.MessageQueue.LoadAsync(timeout.Token);
            var stored = queue.ToDictionary(m => m.Id, m => Encoding.UTF8.GetString(m.Payload.Span));

            Assert.True(acknowledged.Enqueued.Count >= AcknowledgedEnqueuesBeforeKill);
            // Oldest first, in the order the probe queued them.
            Assert.Equal(queue.Select(m => m.Id).Order(), queue.Select(m => m.Id));
            foreach (var (id, seq) in acknowledged.Enqueued)
            {
                if (acknowledged.Removed.Contains(id))
                {
                    Assert.False(stored.ContainsKey(id), $"message {id} was acknowledged as removed but is still queued");
                }
                else if (!acknowledged.RemovalsStarted.Contains(id))
                {
                    Assert.True(stored.TryGetValue(id, out var payload), $"acknowledged message {id} (seq {seq}) is lost");
                    Assert.Equal($$"""{"seq":{{seq}}}""", payload);
                }
            }

            // The last save may have completed without its acknowledgement; none acknowledged may be missing.
            var counter = long.Parse((await store.DeviceModel.LoadAsync(timeout.Token))["CrashProbe.Counter"], CultureInfo.InvariantCulture);
            Assert.InRange(counter, acknowledged.LastSavedCounter, acknowledged.LastSavedCounter + 1);
        }
    }

    private void AssertFileIntact()
    {
        // A raw connection, so this checks the file as the kill left it (plus the WAL recovery every opener does).
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _directory.DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", command.ExecuteScalar());
    }

    private sealed record Acknowledgements(
        IReadOnlyList<(long Id, long Seq)> Enqueued, ISet<long> RemovalsStarted, ISet<long> Removed, long LastSavedCounter)
    {
        public static Acknowledgements Parse(IReadOnlyList<string> lines)
        {
            var enqueued = new List<(long, long)>();
            var removalsStarted = new HashSet<long>();
            var removed = new HashSet<long>();
            var lastSaved = -1L;
            foreach (var line in lines)
            {
                var fields = line.Split(' ');
                var first = long.Parse(fields[1], CultureInfo.InvariantCulture);
                switch (fields[0])
                {
                    case "m":
                        enqueued.Add((first, long.Parse(fields[2], CultureInfo.InvariantCulture)));
                        break;
                    case "v":
                        lastSaved = first;
                        break;
                    case "R":
                        removalsStarted.Add(first);
                        break;
                    case "r":
                        removed.Add(first);
                        break;
                    default:
                        Assert.Fail($"unexpected probe line '{line}'");
                        break;
                }
            }

            return new(enqueued, removalsStarted, removed, lastSaved);
        }
    }
}
