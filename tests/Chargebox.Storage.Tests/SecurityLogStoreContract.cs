using Chargebox.Station.Storage;

namespace Chargebox.Storage.Tests;

public sealed class SqliteSecurityLogStoreTests : SecurityLogStoreContract<SqliteStoreFactory>
{
    [Fact]
    public async Task A04_the_security_log_survives_reopening_the_database()
    {
        using var directory = new TemporaryDirectory();
        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            await store.SecurityLog.AppendAsync(Record(0, "StartupOfTheDevice", "power-up"), 10, None);
        }

        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            Assert.Equal(Record(0, "StartupOfTheDevice", "power-up"), Assert.Single(await store.SecurityLog.ReadAsync(null, null, None)));
        }
    }
}

public sealed class InMemorySecurityLogStoreTests : SecurityLogStoreContract<InMemoryStoreFactory>;

public abstract class SecurityLogStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task Entries_come_back_in_the_order_appended_with_every_field()
    {
        await Store.SecurityLog.AppendAsync(Record(5, "SettingSystemTime", null), 10, None);
        await Store.SecurityLog.AppendAsync(Record(1, "ResetOrReboot", "Reset Immediate"), 10, None);

        var read = await Store.SecurityLog.ReadAsync(null, null, None);

        Assert.Equal([Record(5, "SettingSystemTime", null), Record(1, "ResetOrReboot", "Reset Immediate")], read);
    }

    [Fact]
    public async Task A_full_log_drops_its_oldest_entries_first()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.SecurityLog.AppendAsync(Record(i, $"Event{i}", null), 3, None);
        }

        var read = await Store.SecurityLog.ReadAsync(null, null, None);

        Assert.Equal(["Event2", "Event3", "Event4"], read.Select(r => r.Type));
    }

    [Fact]
    public async Task Reading_a_period_includes_both_ends_and_compares_instants_not_offsets()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.SecurityLog.AppendAsync(Record(i, $"Event{i}", null), 10, None);
        }

        // The same instants as minutes 1 and 3, written in UTC.
        var read = await Store.SecurityLog.ReadAsync(Start.AddMinutes(1).ToUniversalTime(), Start.AddMinutes(3).ToUniversalTime(), None);
        var fromTwo = await Store.SecurityLog.ReadAsync(Start.AddMinutes(2), null, None);

        Assert.Equal(["Event1", "Event2", "Event3"], read.Select(r => r.Type));
        Assert.Equal(["Event2", "Event3", "Event4"], fromTwo.Select(r => r.Type));
    }

    protected static SecurityLogRecord Record(int minute, string type, string? techInfo) => new(Start.AddMinutes(minute), type, techInfo);
}
