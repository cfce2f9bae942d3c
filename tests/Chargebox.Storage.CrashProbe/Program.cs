using System.Diagnostics;
using System.Globalization;
using System.Text;
using Chargebox.Storage;

// Usage:
//   write <data dir>            writes forever; prints "m <id> <seq>" after each enqueue completed,
//                               "v <seq>" after each device-model save completed, "R <id>" before and
//                               "r <id>" after each removal of the oldest message (every 10th round).
//   measure <data dir> <count>  enqueues <count> messages, prints the durable writes per second.
if (args is ["write", var writeDirectory])
{
    return await WriteForeverAsync(writeDirectory);
}

if (args is ["measure", var measureDirectory, var countText] && int.TryParse(countText, CultureInfo.InvariantCulture, out var count))
{
    return await MeasureAsync(measureDirectory, count);
}

Console.Error.WriteLine("usage: write <data dir> | measure <data dir> <count>");
return 2;

static async Task<int> WriteForeverAsync(string dataDirectory)
{
    var output = Console.Out;
    await using var store = await SqliteStationStore.OpenAsync(dataDirectory);
    for (var seq = 0L; ; seq++)
    {
        var payload = Encoding.UTF8.GetBytes($$"""{"seq":{{seq}}}""");
        var message = await store.MessageQueue.EnqueueAsync("TransactionEvent", payload, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        output.WriteLine($"m {message.Id} {seq}");

        await store.DeviceModel.SaveAsync("CrashProbe.Counter", seq.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        output.WriteLine($"v {seq}");

        if (seq % 10 == 9)
        {
            var oldest = (await store.MessageQueue.LoadAsync(CancellationToken.None))[0];
            output.WriteLine($"R {oldest.Id}");
            await store.MessageQueue.RemoveAsync(oldest.Id, CancellationToken.None);
            output.WriteLine($"r {oldest.Id}");
        }
    }
}

static async Task<int> MeasureAsync(string dataDirectory, int count)
{
    await using var store = await SqliteStationStore.OpenAsync(dataDirectory);
    var payload = Encoding.UTF8.GetBytes("""{"eventType":"Updated","timestamp":"2026-01-01T00:00:00.000Z","triggerReason":"MeterValuePeriodic","seqNo":1}""");
    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await store.MessageQueue.EnqueueAsync("TransactionEvent", payload, TimeProvider.System.GetUtcNow(), CancellationToken.None);
    }

    stopwatch.Stop();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{count} enqueues in {stopwatch.Elapsed.TotalMilliseconds:F0} ms: {count / stopwatch.Elapsed.TotalSeconds:F0} writes/s, {stopwatch.Elapsed.TotalMilliseconds / count:F2} ms each"));
    return 0;
}
