using Chargebox.Station.Storage;

namespace Chargebox.Storage.Tests;

public sealed class SqliteAvailabilityStoreTests : AvailabilityStoreContract<SqliteStoreFactory>;

public sealed class InMemoryAvailabilityStoreTests : AvailabilityStoreContract<InMemoryStoreFactory>;

public abstract class AvailabilityStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task A_new_store_has_no_availability_settings()
    {
        Assert.Empty(await Store.Availability.LoadAsync(None));
    }

    [Fact]
    public async Task G03_FR_05_saved_settings_are_loaded_per_scope()
    {
        await Store.Availability.SaveAsync(AvailabilityScope.Station, true, None);
        await Store.Availability.SaveAsync(new AvailabilityScope(1, null), false, None);
        await Store.Availability.SaveAsync(new AvailabilityScope(1, 2), true, None);
        await Store.Availability.SaveAsync(new AvailabilityScope(2, 1), false, None);

        var settings = await Store.Availability.LoadAsync(None);

        Assert.Equal(4, settings.Count);
        Assert.True(settings[AvailabilityScope.Station]);
        Assert.False(settings[new AvailabilityScope(1, null)]);
        Assert.True(settings[new AvailabilityScope(1, 2)]);
        Assert.False(settings[new AvailabilityScope(2, 1)]);
    }

    [Fact]
    public async Task Saving_the_station_scope_again_replaces_it()
    {
        // The station scope has no EVSE and no connector: a store keyed on nullable columns would keep both rows.
        await Store.Availability.SaveAsync(AvailabilityScope.Station, false, None);
        await Store.Availability.SaveAsync(AvailabilityScope.Station, true, None);

        var setting = Assert.Single(await Store.Availability.LoadAsync(None));

        Assert.Equal(AvailabilityScope.Station, setting.Key);
        Assert.True(setting.Value);
    }

    [Fact]
    public async Task Saving_an_EVSE_scope_again_replaces_it()
    {
        await Store.Availability.SaveAsync(new AvailabilityScope(3, null), true, None);
        await Store.Availability.SaveAsync(new AvailabilityScope(3, null), false, None);

        var setting = Assert.Single(await Store.Availability.LoadAsync(None));

        Assert.Equal(new AvailabilityScope(3, null), setting.Key);
        Assert.False(setting.Value);
    }

    [Fact]
    public async Task A_connector_without_an_EVSE_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            async () => await Store.Availability.SaveAsync(new AvailabilityScope(null, 1), true, None));
        Assert.Empty(await Store.Availability.LoadAsync(None));
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(1, -1)]
    public async Task Negative_ids_are_refused(int? evseId, int? connectorId)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            async () => await Store.Availability.SaveAsync(new AvailabilityScope(evseId, connectorId), true, None));
        Assert.Empty(await Store.Availability.LoadAsync(None));
    }
}
