using Chargebox.Station.Storage;

namespace Chargebox.Storage.Tests;

public sealed class SqliteFirmwareUpdateStoreTests : FirmwareUpdateStoreContract<SqliteStoreFactory>
{
    [Fact]
    public async Task L01_the_update_in_progress_survives_reopening_the_database()
    {
        using var directory = new TemporaryDirectory();
        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            await store.FirmwareUpdate.SaveAsync(Update(7, "InstallRebooting", installAt: null), None);
        }

        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            Assert.Equal(Update(7, "InstallRebooting", installAt: null), await store.FirmwareUpdate.LoadAsync(None));
        }
    }
}

public sealed class InMemoryFirmwareUpdateStoreTests : FirmwareUpdateStoreContract<InMemoryStoreFactory>;

public abstract class FirmwareUpdateStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Nothing_is_saved_at_first()
    {
        Assert.Null(await Store.FirmwareUpdate.LoadAsync(None));
    }

    [Fact]
    public async Task The_saved_update_comes_back_with_every_field()
    {
        var update = Update(42, "Downloading", installAt: Start.AddHours(2));

        await Store.FirmwareUpdate.SaveAsync(update, None);

        Assert.Equal(update, await Store.FirmwareUpdate.LoadAsync(None));
    }

    [Fact]
    public async Task Saving_again_replaces_the_update()
    {
        await Store.FirmwareUpdate.SaveAsync(Update(1, "Downloading", installAt: null), None);
        await Store.FirmwareUpdate.SaveAsync(Update(2, "DownloadScheduled", installAt: null), None);

        Assert.Equal(Update(2, "DownloadScheduled", installAt: null), await Store.FirmwareUpdate.LoadAsync(None));
    }

    [Fact]
    public async Task Clearing_forgets_the_update_and_clearing_nothing_does_nothing()
    {
        await Store.FirmwareUpdate.SaveAsync(Update(1, "Installing", installAt: null), None);

        await Store.FirmwareUpdate.ClearAsync(None);
        await Store.FirmwareUpdate.ClearAsync(None);

        Assert.Null(await Store.FirmwareUpdate.LoadAsync(None));
    }

    protected static StoredFirmwareUpdate Update(int requestId, string status, DateTimeOffset? installAt) => new(
        requestId,
        status,
        "https://firmware.example/image.bin",
        Start,
        installAt,
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
        "c2lnbmF0dXJl",
        RetriesLeft: 2,
        RetryInterval: 30,
        ImagePath: "/tmp/chargebox-firmware-x");
}
