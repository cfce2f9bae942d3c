using System.Text;
using Chargebox.Station.Storage;

namespace Chargebox.Storage.Tests;

public sealed class SqliteConcurrencyTests : ConcurrencyContract<SqliteStoreFactory>;

public sealed class InMemoryConcurrencyTests : ConcurrencyContract<InMemoryStoreFactory>;

/// <summary>The station writes while the host's control API reads: nothing may be lost, torn or reordered.</summary>
public abstract class ConcurrencyContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task Concurrent_writers_and_readers_lose_nothing_and_see_ordered_queues()
    {
        const int Writers = 4;
        const int WritesEach = 25;
        var queuedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var ids = new List<long>();
            for (var i = 0; i < WritesEach; i++)
            {
                var message = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Encoding.UTF8.GetBytes($"{w}:{i}"), queuedAt, None);
                ids.Add(message.Id);
                await Store.DeviceModel.SaveAsync($"writer{w}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), None);
                await Store.Availability.SaveAsync(new AvailabilityScope(w + 1, null), i % 2 == 0, None);
            }

            return ids;
        })).ToArray();

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var snapshots = 0;
            while (!writers.All(t => t.IsCompleted))
            {
                var messages = await Store.MessageQueue.LoadAsync(None);
                Assert.True(messages.Zip(messages.Skip(1)).All(pair => pair.First.Id < pair.Second.Id), "a snapshot is out of order");
                await Store.DeviceModel.LoadAsync(None);
                snapshots++;
            }

            return snapshots;
        })).ToArray();

        var written = (await Task.WhenAll(writers)).SelectMany(ids => ids).ToList();
        await Task.WhenAll(readers);

        var loaded = await Store.MessageQueue.LoadAsync(None);
        Assert.Equal(Writers * WritesEach, written.Distinct().Count());
        Assert.Equal(written.Order(), loaded.Select(m => m.Id));
        var values = await Store.DeviceModel.LoadAsync(None);
        Assert.All(Enumerable.Range(0, Writers), w => Assert.Equal($"{WritesEach - 1}", values[$"writer{w}"]));
        Assert.Equal(Writers, (await Store.Availability.LoadAsync(None)).Count);
    }
}
