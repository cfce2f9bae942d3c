using Chargebox.Station.Storage;

namespace Chargebox.Storage.Tests;

public sealed class SqliteReservationStoreTests : ReservationStoreContract<SqliteStoreFactory>
{
    [Fact]
    public async Task H01_reservations_survive_reopening_the_database()
    {
        using var directory = new TemporaryDirectory();
        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            await store.Reservations.SaveAsync(Specific(3), None);
            await store.Reservations.SaveAsync(Unspecified(4), None);
        }

        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            Assert.Equal([Specific(3), Unspecified(4)], (await store.Reservations.LoadAsync(None)).OrderBy(r => r.Id));
        }
    }
}

public sealed class InMemoryReservationStoreTests : ReservationStoreContract<InMemoryStoreFactory>;

public abstract class ReservationStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private static readonly DateTimeOffset Expiry = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Nothing_is_saved_at_first()
    {
        Assert.Empty(await Store.Reservations.LoadAsync(None));
    }

    [Fact]
    public async Task Every_field_comes_back_including_the_optional_ones()
    {
        await Store.Reservations.SaveAsync(Specific(1), None);
        await Store.Reservations.SaveAsync(Unspecified(2), None);

        Assert.Equal([Specific(1), Unspecified(2)], (await Store.Reservations.LoadAsync(None)).OrderBy(r => r.Id));
    }

    [Fact]
    public async Task H01_FR_02_saving_the_same_id_replaces_the_reservation()
    {
        await Store.Reservations.SaveAsync(Specific(1), None);
        var replacement = Unspecified(1) with { IdToken = "OTHER" };
        await Store.Reservations.SaveAsync(replacement, None);

        Assert.Equal([replacement], await Store.Reservations.LoadAsync(None));
    }

    [Fact]
    public async Task Removing_forgets_one_reservation_and_an_unknown_id_is_ignored()
    {
        await Store.Reservations.SaveAsync(Specific(1), None);
        await Store.Reservations.SaveAsync(Specific(2), None);
        await Store.Reservations.RemoveAsync(1, None);
        await Store.Reservations.RemoveAsync(99, None);

        Assert.Equal([Specific(2)], await Store.Reservations.LoadAsync(None));
    }

    protected static StoredReservation Specific(int id) => new(id, Expiry, "04C0FFEE01", "ISO14443", "GROUP-1", "Central", 1, "cType2");

    protected static StoredReservation Unspecified(int id) => new(id, Expiry.AddMinutes(5), "04C0FFEE02", "ISO14443", null, null, null, null);
}
