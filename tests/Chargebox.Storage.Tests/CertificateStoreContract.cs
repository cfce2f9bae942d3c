using Chargebox.Station.Storage;

namespace Chargebox.Storage.Tests;

public sealed class SqliteCertificateStoreTests : CertificateStoreContract<SqliteStoreFactory>
{
    [Fact]
    public async Task Certificates_keys_and_the_seeded_flag_survive_reopening_the_database()
    {
        using var directory = new TemporaryDirectory();
        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            await store.Certificates.SaveAsync(Station, None);
            await store.Certificates.MarkSeededAsync(None);
            await store.Certificates.SavePendingKeyAsync(new byte[] { 9, 8, 7 }, None);
        }

        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            var loaded = Assert.Single(await store.Certificates.LoadAsync(None));
            Assert.Equal((Station.Id, Station.Use, Station.Pem), (loaded.Id, loaded.Use, loaded.Pem));
            Assert.Equal(Station.PrivateKey.ToArray(), loaded.PrivateKey.ToArray());
            Assert.True(await store.Certificates.IsSeededAsync(None));
            Assert.Equal(new byte[] { 9, 8, 7 }, await store.Certificates.LoadPendingKeyAsync(None));
        }
    }
}

public sealed class InMemoryCertificateStoreTests : CertificateStoreContract<InMemoryStoreFactory>;

public abstract class CertificateStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    protected static StoredCertificate Root { get; } = new("aa01", "CSMSRootCertificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", ReadOnlyMemory<byte>.Empty);

    protected static StoredCertificate Station { get; } = new("bb02", "ChargingStationCertificate", "-----BEGIN CERTIFICATE-----\nBBBB\n-----END CERTIFICATE-----\n", new byte[] { 1, 2, 3 });

    [Fact]
    public async Task A_new_store_is_empty_and_not_seeded()
    {
        Assert.Empty(await Store.Certificates.LoadAsync(None));
        Assert.False(await Store.Certificates.IsSeededAsync(None));
        Assert.Null(await Store.Certificates.LoadPendingKeyAsync(None));
    }

    [Fact]
    public async Task Certificates_load_in_the_order_first_saved_and_a_save_with_the_same_id_replaces_in_place()
    {
        await Store.Certificates.SaveAsync(Root, None);
        await Store.Certificates.SaveAsync(Station, None);
        await Store.Certificates.SaveAsync(Root with { Use = "ManufacturerRootCertificate" }, None);

        var loaded = await Store.Certificates.LoadAsync(None);

        Assert.Equal(["aa01", "bb02"], loaded.Select(c => c.Id));
        Assert.Equal("ManufacturerRootCertificate", loaded[0].Use);
        Assert.True(loaded[0].PrivateKey.IsEmpty);
        Assert.Equal(new byte[] { 1, 2, 3 }, loaded[1].PrivateKey.ToArray());
    }

    [Fact]
    public async Task Removing_a_certificate_leaves_the_others_and_an_unknown_id_is_ignored()
    {
        await Store.Certificates.SaveAsync(Root, None);
        await Store.Certificates.SaveAsync(Station, None);

        await Store.Certificates.RemoveAsync("aa01", None);
        await Store.Certificates.RemoveAsync("unknown", None);

        Assert.Equal(["bb02"], (await Store.Certificates.LoadAsync(None)).Select(c => c.Id));
    }

    [Fact]
    public async Task The_pending_key_is_kept_until_cleared()
    {
        await Store.Certificates.SavePendingKeyAsync(new byte[] { 4, 5 }, None);
        Assert.Equal(new byte[] { 4, 5 }, await Store.Certificates.LoadPendingKeyAsync(None));

        await Store.Certificates.SavePendingKeyAsync(null, None);
        Assert.Null(await Store.Certificates.LoadPendingKeyAsync(None));
    }

    [Fact]
    public async Task Marking_seeded_is_remembered()
    {
        await Store.Certificates.MarkSeededAsync(None);
        Assert.True(await Store.Certificates.IsSeededAsync(None));
    }
}
