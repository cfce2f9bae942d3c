using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;

namespace Chargebox.Storage.Tests;

public sealed class SqliteDisplayMessageStoreTests : DisplayMessageStoreContract<SqliteStoreFactory>
{
    [Fact]
    public async Task O01_FR_10_display_messages_survive_reopening_the_database()
    {
        using var directory = new TemporaryDirectory();
        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            await store.DisplayMessages.SaveAsync(Full(3), None);
            await store.DisplayMessages.SaveAsync(Minimal(4), None);
        }

        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            Assert.Equal([Json(Full(3)), Json(Minimal(4))], (await store.DisplayMessages.LoadAsync(None)).OrderBy(m => m.Id).Select(Json));
        }
    }
}

public sealed class InMemoryDisplayMessageStoreTests : DisplayMessageStoreContract<InMemoryStoreFactory>;

public abstract class DisplayMessageStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task Nothing_is_saved_at_first()
    {
        Assert.Empty(await Store.DisplayMessages.LoadAsync(None));
    }

    [Fact]
    public async Task Every_field_comes_back_including_the_optional_ones()
    {
        await Store.DisplayMessages.SaveAsync(Full(1), None);
        await Store.DisplayMessages.SaveAsync(Minimal(2), None);

        Assert.Equal([Json(Full(1)), Json(Minimal(2))], (await Store.DisplayMessages.LoadAsync(None)).OrderBy(m => m.Id).Select(Json));
    }

    [Fact]
    public async Task O06_FR_01_saving_the_same_id_replaces_the_message()
    {
        await Store.DisplayMessages.SaveAsync(Full(1), None);
        await Store.DisplayMessages.SaveAsync(Minimal(1), None);

        Assert.Equal(Json(Minimal(1)), Json(Assert.Single(await Store.DisplayMessages.LoadAsync(None))));
    }

    [Fact]
    public async Task Removing_takes_only_that_message_and_an_unknown_id_is_no_error()
    {
        await Store.DisplayMessages.SaveAsync(Full(1), None);
        await Store.DisplayMessages.SaveAsync(Minimal(2), None);

        await Store.DisplayMessages.RemoveAsync(1, None);
        await Store.DisplayMessages.RemoveAsync(99, None);

        Assert.Equal(2, Assert.Single(await Store.DisplayMessages.LoadAsync(None)).Id);
    }

    protected static MessageInfoType Full(int id) => new()
    {
        Id = id,
        Priority = MessagePriorityEnumType.AlwaysFront,
        State = MessageStateEnumType.Charging,
        StartDateTime = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero),
        EndDateTime = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero),
        TransactionId = "tx-1",
        Display = new ComponentType { Name = "Display", Instance = "front" },
        Message = new MessageContentType { Format = MessageFormatEnumType.UTF8, Language = "nl", Content = "Welkom — €0,35/kWh" },
    };

    protected static MessageInfoType Minimal(int id) => new()
    {
        Id = id,
        Priority = MessagePriorityEnumType.NormalCycle,
        Message = new MessageContentType { Format = MessageFormatEnumType.ASCII, Content = "Hello" },
    };

    // MessageInfoType has no value equality: compare the OCPP JSON.
    protected static string Json(MessageInfoType message) => JsonSerializer.Serialize(message, OcppJsonContext.Default.MessageInfoType);
}
