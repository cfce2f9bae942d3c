using Chargebox.Protocol.Messages;
using Chargebox.Station.Connectivity;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Tests.Connectivity;

public sealed class NetworkProfilesTests
{
    private readonly MemoryProfileStore _store = new();

    [Fact]
    public async Task The_first_start_stores_the_installation_connection_in_slot_1()
    {
        var profiles = await NetworkProfiles.LoadAsync(_store, Profile("ws://installed.example/ocpp"), CancellationToken.None);

        Assert.Equal("ws://installed.example/ocpp", profiles.Usable(1)?.OcppCsmsUrl);
        Assert.Equal("ws://installed.example/ocpp", _store.Saved[1].OcppCsmsUrl);
    }

    [Fact]
    public async Task B09_a_profile_the_CSMS_wrote_to_slot_1_survives_a_restart_with_unchanged_options()
    {
        var installed = Profile("ws://installed.example/ocpp");
        var first = await NetworkProfiles.LoadAsync(_store, installed, CancellationToken.None);
        await first.SaveAsync(1, Profile("ws://from-csms.example/ocpp"), CancellationToken.None);

        var second = await NetworkProfiles.LoadAsync(_store, installed, CancellationToken.None);

        Assert.Equal("ws://from-csms.example/ocpp", second.Usable(1)?.OcppCsmsUrl);
    }

    [Fact]
    public async Task A_changed_installation_connection_replaces_slot_1_and_leaves_the_others()
    {
        var first = await NetworkProfiles.LoadAsync(_store, Profile("ws://installed.example/ocpp"), CancellationToken.None);
        await first.SaveAsync(2, Profile("ws://second.example/ocpp"), CancellationToken.None);

        var second = await NetworkProfiles.LoadAsync(_store, Profile("ws://moved.example/ocpp"), CancellationToken.None);

        Assert.Equal("ws://moved.example/ocpp", second.Usable(1)?.OcppCsmsUrl);
        Assert.Equal("ws://second.example/ocpp", second.Usable(2)?.OcppCsmsUrl);
        Assert.Null(second.Usable(ConfigurationSlots.InstallationRecord));
    }

    private static NetworkConnectionProfileType Profile(string url) => new()
    {
        OcppVersion = OCPPVersionEnumType.OCPP20,
        OcppTransport = OCPPTransportEnumType.JSON,
        OcppCsmsUrl = url,
        MessageTimeout = 30,
        SecurityProfile = 1,
        OcppInterface = OCPPInterfaceEnumType.Wired0,
    };

    private sealed class MemoryProfileStore : INetworkProfileStore
    {
        public Dictionary<int, NetworkConnectionProfileType> Saved { get; } = [];

        public ValueTask<IReadOnlyDictionary<int, NetworkConnectionProfileType>> LoadAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyDictionary<int, NetworkConnectionProfileType>>(new Dictionary<int, NetworkConnectionProfileType>(Saved));

        public ValueTask SaveAsync(int configurationSlot, NetworkConnectionProfileType profile, CancellationToken cancellationToken)
        {
            Saved[configurationSlot] = profile;
            return ValueTask.CompletedTask;
        }
    }
}
