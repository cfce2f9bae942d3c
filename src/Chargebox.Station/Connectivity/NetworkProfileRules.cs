using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Connectivity;

/// <summary>Whether a network connection profile may be stored in a slot (B09), and whether a stored one can
/// be connected with. A refusal is a statusInfo that names the offending field.</summary>
internal static class NetworkProfileRules
{
    /// <summary>Null when SetNetworkProfile may store <paramref name="profile"/> in <paramref name="slot"/>.</summary>
    /// <param name="slot">The configurationSlot of the request.</param>
    /// <param name="profile">The connectionData of the request.</param>
    /// <param name="activeSlot">The slot the station is connected with now.</param>
    /// <param name="activeSecurityProfile">The security profile of the connection in use.</param>
    /// <param name="allowDowngrade">SecurityCtrlr.AllowSecurityProfileDowngrade.</param>
    public static StatusInfoType? Check(int slot, NetworkConnectionProfileType profile, int? activeSlot, int activeSecurityProfile, bool allowDowngrade = false)
    {
        if (!ConfigurationSlots.IsSupported(slot))
        {
            // B09.FR.02 (TC_B_43): a slot the station does not have.
            return Refusal("InvalidValue", $"configurationSlot {slot} does not exist; slots are {ConfigurationSlots.Lowest} to {ConfigurationSlots.Highest}");
        }

        if (slot == activeSlot)
        {
            // The connection in use is never replaced under the station's feet (Part 6 errata 2025-04: the test
            // system writes the slot that is not active); the CSMS writes another slot and migrates with B10.
            return Refusal("InvalidValue", $"configurationSlot {slot} is the profile in use (ActiveNetworkProfile)");
        }

        if (Downgrade(profile.SecurityProfile, activeSecurityProfile, allowDowngrade) is { } downgrade)
        {
            // B09.FR.04, B09.FR.31, B09.FR.32 (errata 2025-01).
            return downgrade;
        }

        return Unusable(profile);
    }

    /// <summary>Null when a profile with <paramref name="securityProfile"/> may be configured while the station
    /// is connected with <paramref name="activeSecurityProfile"/>; else the refusal. Lower is refused (A00.FR.005,
    /// B09.FR.04, A05.FR.10) unless AllowSecurityProfileDowngrade is true, and then only 3 to 2 (B09.FR.31,
    /// A05.FR.08); never from 2 or 3 to 1 (B09.FR.32, A05.FR.09).</summary>
    public static StatusInfoType? Downgrade(int securityProfile, int activeSecurityProfile, bool allowDowngrade)
    {
        if (securityProfile >= activeSecurityProfile)
        {
            return null;
        }

        if (allowDowngrade && activeSecurityProfile == 3 && securityProfile == 2)
        {
            return null;
        }

        var why = allowDowngrade
            ? "only a downgrade from 3 to 2 is allowed"
            : "AllowSecurityProfileDowngrade is false";
        return Refusal("NoSecurityDowngrade", $"securityProfile {securityProfile} is lower than the security profile in use ({activeSecurityProfile}); {why}");
    }

    /// <summary>Null when the station can connect with <paramref name="profile"/>; else why not.</summary>
    public static StatusInfoType? Unusable(NetworkConnectionProfileType profile)
    {
        if (profile.OcppVersion != OCPPVersionEnumType.OCPP20)
        {
            return Refusal("UnsupportedParam", $"ocppVersion {profile.OcppVersion.ToWireString()} is not supported; this station speaks OCPP20 (2.0.1) only");
        }

        if (profile.OcppTransport != OCPPTransportEnumType.JSON)
        {
            return Refusal("UnsupportedParam", $"ocppTransport {profile.OcppTransport.ToWireString()} is not supported; use JSON");
        }

        if (profile.SecurityProfile is < 1 or > 3)
        {
            return Refusal("InvalidValue", $"securityProfile {profile.SecurityProfile} does not exist; use 1, 2 or 3");
        }

        // Profile 1 is plain ws://, profiles 2 and 3 are TLS (Part 2, A00).
        var scheme = profile.SecurityProfile == 1 ? "ws" : "wss";
        if (!Uri.TryCreate(profile.OcppCsmsUrl, UriKind.Absolute, out var url) || url.Scheme != scheme || string.IsNullOrEmpty(url.Host))
        {
            return Refusal("InvalidURL", $"ocppCsmsUrl must be a {scheme}:// URL for securityProfile {profile.SecurityProfile}");
        }

        if (profile.MessageTimeout < 1)
        {
            return Refusal("InvalidValue", $"messageTimeout {profile.MessageTimeout} must be at least 1 s");
        }

        if (profile.Vpn is not null)
        {
            // Connecting without the VPN the profile asks for would send traffic where the CSMS does not expect it.
            return Refusal("UnsupportedParam", "vpn is not supported by this station");
        }

        return null;
    }

    private static StatusInfoType Refusal(string reasonCode, string additionalInfo) =>
        new() { ReasonCode = reasonCode, AdditionalInfo = additionalInfo };
}
