using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Connectivity;

/// <summary>The station's network connection profiles by configuration slot, as stored (B09). Loaded once at
/// start; SetNetworkProfile writes through to the store before it answers. Used only on the loop.</summary>
internal sealed class NetworkProfiles
{
    private readonly INetworkProfileStore _store;
    private readonly Dictionary<int, NetworkConnectionProfileType> _profiles;

    private NetworkProfiles(INetworkProfileStore store, Dictionary<int, NetworkConnectionProfileType> profiles)
    {
        _store = store;
        _profiles = profiles;
    }

    /// <summary>Loads the stored profiles. The installation's connection (<paramref name="installed"/>) is written
    /// to <see cref="ConfigurationSlots.Installed"/> at the first start and whenever it differs from the one the
    /// station last started with (kept in <see cref="ConfigurationSlots.InstallationRecord"/>): an installer's
    /// new CSMS URL takes effect, while a profile the CSMS wrote to slot 1 survives reboots that change nothing.</summary>
    public static async Task<NetworkProfiles> LoadAsync(INetworkProfileStore store, NetworkConnectionProfileType installed, CancellationToken cancellationToken)
    {
        var profiles = new Dictionary<int, NetworkConnectionProfileType>(await store.LoadAsync(cancellationToken).ConfigureAwait(false));
        if (!profiles.TryGetValue(ConfigurationSlots.InstallationRecord, out var previous) || !SameConnection(previous, installed)
            || !profiles.ContainsKey(ConfigurationSlots.Installed))
        {
            await store.SaveAsync(ConfigurationSlots.Installed, installed, cancellationToken).ConfigureAwait(false);
            await store.SaveAsync(ConfigurationSlots.InstallationRecord, installed, cancellationToken).ConfigureAwait(false);
            profiles[ConfigurationSlots.Installed] = installed;
        }

        profiles.Remove(ConfigurationSlots.InstallationRecord);
        return new NetworkProfiles(store, profiles);
    }

    /// <summary>The installation's connection as a profile: what <see cref="ChargingStationOptions"/> says, over
    /// the station's one wired interface.</summary>
    public static NetworkConnectionProfileType Installed(ChargingStationOptions options, TimeSpan messageTimeout) => new()
    {
        OcppVersion = OCPPVersionEnumType.OCPP20,
        OcppTransport = OCPPTransportEnumType.JSON,
        OcppCsmsUrl = options.CsmsUrl.AbsoluteUri,
        MessageTimeout = (int)messageTimeout.TotalSeconds,
        SecurityProfile = (int)options.SecurityProfile,
        OcppInterface = OCPPInterfaceEnumType.Wired0,
    };

    /// <summary>The profile stored in <paramref name="slot"/>, if any.</summary>
    public NetworkConnectionProfileType? Find(int slot) => _profiles.GetValueOrDefault(slot);

    /// <summary>The profile in <paramref name="slot"/>, if one is stored and the station can connect with it.</summary>
    public NetworkConnectionProfileType? Usable(int slot) =>
        _profiles.TryGetValue(slot, out var profile) && NetworkProfileRules.Unusable(profile) is null ? profile : null;

    private static bool SameConnection(NetworkConnectionProfileType a, NetworkConnectionProfileType b) =>
        (a.OcppCsmsUrl, a.SecurityProfile, a.MessageTimeout) == (b.OcppCsmsUrl, b.SecurityProfile, b.MessageTimeout);

    /// <summary>Stores <paramref name="profile"/> durably, then uses it from the next connection attempt on.</summary>
    public async ValueTask SaveAsync(int slot, NetworkConnectionProfileType profile, CancellationToken cancellationToken)
    {
        await _store.SaveAsync(slot, profile, cancellationToken).ConfigureAwait(false);
        _profiles[slot] = profile;
    }
}
