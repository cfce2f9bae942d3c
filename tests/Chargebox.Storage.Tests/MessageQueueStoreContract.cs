using System.Text;

namespace Chargebox.Storage.Tests;

public sealed class SqliteMessageQueueStoreTests : MessageQueueStoreContract<SqliteStoreFactory>;

public sealed class InMemoryMessageQueueStoreTests : MessageQueueStoreContract<InMemoryStoreFactory>;

public abstract class MessageQueueStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    // Not UTC and not whole milliseconds: the store must keep both the offset and every tick.
    private static readonly DateTimeOffset QueuedAt = new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.FromHours(2)).AddTicks(5358979);

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Enqueue_returns_the_stored_message_with_increasing_ids()
    {
        var first = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("""{"seqNo":0}"""), QueuedAt, None);
        var second = await Store.MessageQueue.EnqueueAsync("SecurityEventNotification", Json("""{"type":"x"}"""), QueuedAt.AddSeconds(1), None);

        Assert.True(second.Id > first.Id);
        Assert.Equal("TransactionEvent", first.Action);
        Assert.Equal(Json("""{"seqNo":0}"""), first.Payload.ToArray());
        Assert.Equal(QueuedAt, first.QueuedAt);
        Assert.Equal(0, first.Attempts);
    }

    [Fact]
    public async Task Load_returns_messages_oldest_first_as_they_were_enqueued()
    {
        var enqueued = new List<Station.Storage.QueuedMessage>();
        for (var i = 0; i < 20; i++)
        {
            enqueued.Add(await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json($$"""{"seqNo":{{i}}}"""), QueuedAt.AddMinutes(-i), None));
        }

        var loaded = await Store.MessageQueue.LoadAsync(None);

        Assert.Equal(enqueued.Select(m => m.Id), loaded.Select(m => m.Id));
        Assert.Equal(enqueued.Select(m => Encoding.UTF8.GetString(m.Payload.Span)), loaded.Select(m => Encoding.UTF8.GetString(m.Payload.Span)));
        Assert.Equal(enqueued.Select(m => m.QueuedAt), loaded.Select(m => m.QueuedAt));
        Assert.Equal(enqueued.Select(m => m.QueuedAt.Offset), loaded.Select(m => m.QueuedAt.Offset));
    }

    [Fact]
    public async Task The_stored_payload_does_not_change_when_the_caller_reuses_its_buffer()
    {
        var buffer = Json("""{"a":1}""");
        var message = await Store.MessageQueue.EnqueueAsync("DataTransfer", buffer, QueuedAt, None);

        buffer.AsSpan().Fill((byte)'x');

        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(message.Payload.Span));
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(Assert.Single(await Store.MessageQueue.LoadAsync(None)).Payload.Span));
    }

    [Fact]
    public async Task An_empty_payload_round_trips()
    {
        await Store.MessageQueue.EnqueueAsync("Heartbeat", ReadOnlyMemory<byte>.Empty, QueuedAt, None);

        Assert.Equal(0, Assert.Single(await Store.MessageQueue.LoadAsync(None)).Payload.Length);
    }

    [Fact]
    public async Task SetAttempts_updates_only_that_message()
    {
        var first = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("{}"), QueuedAt, None);
        var second = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("{}"), QueuedAt, None);

        await Store.MessageQueue.SetAttemptsAsync(first.Id, 3, None);

        var loaded = await Store.MessageQueue.LoadAsync(None);
        Assert.Equal(3, loaded.Single(m => m.Id == first.Id).Attempts);
        Assert.Equal(0, loaded.Single(m => m.Id == second.Id).Attempts);
    }

    [Fact]
    public async Task Negative_attempts_are_refused()
    {
        var message = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("{}"), QueuedAt, None);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Store.MessageQueue.SetAttemptsAsync(message.Id, -1, None));
    }

    [Fact]
    public async Task Remove_removes_only_that_message_and_ignores_unknown_ids()
    {
        var first = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("1"), QueuedAt, None);
        var second = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("2"), QueuedAt, None);
        var third = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("3"), QueuedAt, None);

        await Store.MessageQueue.RemoveAsync(second.Id, None);
        await Store.MessageQueue.RemoveAsync(second.Id, None);
        await Store.MessageQueue.SetAttemptsAsync(second.Id, 1, None);

        Assert.Equal([first.Id, third.Id], (await Store.MessageQueue.LoadAsync(None)).Select(m => m.Id));
    }

    [Fact]
    public async Task Ids_are_not_reused_after_the_queue_was_emptied()
    {
        var first = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("1"), QueuedAt, None);
        await Store.MessageQueue.RemoveAsync(first.Id, None);

        var next = await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("2"), QueuedAt, None);

        Assert.True(next.Id > first.Id);
    }

    [Fact]
    public async Task A_cancelled_enqueue_throws_and_queues_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Store.MessageQueue.EnqueueAsync("TransactionEvent", Json("{}"), QueuedAt, new CancellationToken(canceled: true)));

        Assert.Empty(await Store.MessageQueue.LoadAsync(None));
    }
}
