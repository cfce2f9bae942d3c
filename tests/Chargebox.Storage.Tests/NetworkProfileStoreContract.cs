using Chargebox.Protocol.Messages;

namespace Chargebox.Storage.Tests;

public sealed class SqliteNetworkProfileStoreTests : NetworkProfileStoreContract<SqliteStoreFactory>
{
    [Fact]
    public async Task B09_a_stored_profile_survives_reopening_the_database()
    {
        using var directory = new TemporaryDirectory();
        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            await store.NetworkProfiles.SaveAsync(2, Full, None);
        }

        await using (var store = await SqliteStationStore.OpenAsync(directory.Path))
        {
            AssertSameProfile(Full, Assert.Single(await store.NetworkProfiles.LoadAsync(None), p => p.Key == 2).Value);
        }
    }
}

public sealed class InMemoryNetworkProfileStoreTests : NetworkProfileStoreContract<InMemoryStoreFactory>;

public abstract class NetworkProfileStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    /// <summary>Every field of the type set, optional ones included, so a field lost on the way shows.</summary>
    protected static NetworkConnectionProfileType Full { get; } = new()
    {
        OcppVersion = OCPPVersionEnumType.OCPP20,
        OcppTransport = OCPPTransportEnumType.JSON,
        OcppCsmsUrl = "wss://csms.example/ocpp",
        MessageTimeout = 45,
        SecurityProfile = 2,
        OcppInterface = OCPPInterfaceEnumType.Wireless1,
        Apn = new APNType { Apn = "internet.example", ApnAuthentication = APNAuthenticationEnumType.CHAP, ApnUserName = "user", PreferredNetwork = "20404" },
    };

    private static NetworkConnectionProfileType Plain(string url) => new()
    {
        OcppVersion = OCPPVersionEnumType.OCPP20,
        OcppTransport = OCPPTransportEnumType.JSON,
        OcppCsmsUrl = url,
        MessageTimeout = 30,
        SecurityProfile = 1,
        OcppInterface = OCPPInterfaceEnumType.Wired0,
    };

    [Fact]
    public async Task A_new_store_has_no_network_profiles()
    {
        Assert.Empty(await Store.NetworkProfiles.LoadAsync(None));
    }

    [Fact]
    public async Task B09_saved_profiles_are_loaded_by_configuration_slot_with_every_field()
    {
        await Store.NetworkProfiles.SaveAsync(1, Plain("ws://one.example/ocpp"), None);
        await Store.NetworkProfiles.SaveAsync(2, Full, None);

        var profiles = await Store.NetworkProfiles.LoadAsync(None);

        Assert.Equal([1, 2], profiles.Keys.Order());
        Assert.Equal("ws://one.example/ocpp", profiles[1].OcppCsmsUrl);
        AssertSameProfile(Full, profiles[2]);
    }

    [Fact]
    public async Task B09_saving_a_slot_again_replaces_its_profile()
    {
        await Store.NetworkProfiles.SaveAsync(3, Plain("ws://old.example/ocpp"), None);
        await Store.NetworkProfiles.SaveAsync(3, Plain("ws://new.example/ocpp"), None);

        var profile = Assert.Single(await Store.NetworkProfiles.LoadAsync(None));

        Assert.Equal(3, profile.Key);
        Assert.Equal("ws://new.example/ocpp", profile.Value.OcppCsmsUrl);
    }

    protected static void AssertSameProfile(NetworkConnectionProfileType expected, NetworkConnectionProfileType actual)
    {
        Assert.Equal(
            (expected.OcppVersion, expected.OcppTransport, expected.OcppCsmsUrl, expected.MessageTimeout, expected.SecurityProfile, expected.OcppInterface),
            (actual.OcppVersion, actual.OcppTransport, actual.OcppCsmsUrl, actual.MessageTimeout, actual.SecurityProfile, actual.OcppInterface));
        Assert.Equal(
            (expected.Apn?.Apn, expected.Apn?.ApnAuthentication, expected.Apn?.ApnUserName, expected.Apn?.PreferredNetwork),
            (actual.Apn?.Apn, actual.Apn?.ApnAuthentication, actual.Apn?.ApnUserName, actual.Apn?.PreferredNetwork));
    }
}
