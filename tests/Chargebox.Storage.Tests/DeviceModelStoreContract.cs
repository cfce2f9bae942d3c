namespace Chargebox.Storage.Tests;

public sealed class SqliteDeviceModelStoreTests : DeviceModelStoreContract<SqliteStoreFactory>;

public sealed class InMemoryDeviceModelStoreTests : DeviceModelStoreContract<InMemoryStoreFactory>;

public abstract class DeviceModelStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task A_new_store_has_no_values()
    {
        Assert.Empty(await Store.DeviceModel.LoadAsync(None));
    }

    [Fact]
    public async Task Saved_values_are_loaded()
    {
        await Store.DeviceModel.SaveAsync("OCPPCommCtrlr.HeartbeatInterval.Actual", "300", None);
        await Store.DeviceModel.SaveAsync("Empty", "", None);
        await Store.DeviceModel.SaveAsync("Unicode", "Zürich ⚡ 充电", None);

        var values = await Store.DeviceModel.LoadAsync(None);

        Assert.Equal(3, values.Count);
        Assert.Equal("300", values["OCPPCommCtrlr.HeartbeatInterval.Actual"]);
        Assert.Equal("", values["Empty"]);
        Assert.Equal("Zürich ⚡ 充电", values["Unicode"]);
    }

    [Fact]
    public async Task Saving_a_key_again_replaces_its_value()
    {
        await Store.DeviceModel.SaveAsync("k", "1", None);
        await Store.DeviceModel.SaveAsync("k", "2", None);

        var values = await Store.DeviceModel.LoadAsync(None);

        Assert.Equal("2", Assert.Single(values).Value);
    }

    [Fact]
    public async Task Keys_are_case_sensitive()
    {
        await Store.DeviceModel.SaveAsync("Key", "upper", None);
        await Store.DeviceModel.SaveAsync("key", "lower", None);

        var values = await Store.DeviceModel.LoadAsync(None);

        Assert.Equal("upper", values["Key"]);
        Assert.Equal("lower", values["key"]);
    }

    [Fact]
    public async Task Removing_a_key_removes_only_that_key()
    {
        await Store.DeviceModel.SaveAsync("a", "1", None);
        await Store.DeviceModel.SaveAsync("b", "2", None);

        await Store.DeviceModel.RemoveAsync("a", None);
        await Store.DeviceModel.RemoveAsync("never saved", None);

        Assert.Equal("2", Assert.Single(await Store.DeviceModel.LoadAsync(None)).Value);
    }

    [Fact]
    public async Task A_loaded_snapshot_does_not_change_with_later_writes()
    {
        await Store.DeviceModel.SaveAsync("a", "1", None);
        var snapshot = await Store.DeviceModel.LoadAsync(None);

        await Store.DeviceModel.SaveAsync("a", "2", None);

        Assert.Equal("1", snapshot["a"]);
    }

    [Fact]
    public async Task A_cancelled_save_throws_and_stores_nothing()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Store.DeviceModel.SaveAsync("a", "1", new CancellationToken(canceled: true)));

        Assert.Empty(await Store.DeviceModel.LoadAsync(None));
    }

    [Fact]
    public async Task Use_after_dispose_throws_ObjectDisposedException()
    {
        await Store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await Store.DeviceModel.LoadAsync(None));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await Store.DeviceModel.SaveAsync("a", "1", None));
    }
}
