using System.Globalization;
using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.Connectivity;

/// <summary>Upgrading the security profile (A05) through SetNetworkProfile, NetworkConfigurationPriority and
/// Reset: a priority that names a TLS profile the station has no certificates for is refused (A05.FR.02,
/// A05.FR.03), and once connected with a profile, every slot of a lower one leaves the priority, so the
/// station never falls back to a weaker profile than one it has used (A05.FR.05, A05.FR.06).</summary>
internal sealed class SecurityProfileUpgrade
{
    private static readonly ComponentKey CommController = new("OCPPCommCtrlr");
    private static readonly VariableKey Priority = new("NetworkConfigurationPriority");
    private readonly StationServices _services;
    private readonly NetworkProfiles _profiles;
    private readonly SlotRotation _rotation;

    public SecurityProfileUpgrade(StationServices services, NetworkProfiles profiles, SlotRotation rotation)
    {
        _services = services;
        _profiles = profiles;
        _rotation = rotation;
        services.DeviceModel.ValueRules.Add(CheckPriority);
    }

    /// <summary>Connected with <paramref name="securityProfile"/>: lower-profile slots are dropped from the
    /// rotation of this boot and from the stored NetworkConfigurationPriority.</summary>
    public async ValueTask OnConnectedAsync(int securityProfile, CancellationToken cancellationToken)
    {
        _rotation.Retain(slot => !IsLower(slot, securityProfile));
        var model = _services.DeviceModel;
        var entries = model.OcppComm.NetworkConfigurationPriority;
        var kept = entries.Where(entry => !(TryParseSlot(entry, out var slot) && IsLower(slot, securityProfile))).ToList();
        if (kept.Count == entries.Count || kept.Count == 0)
        {
            return;
        }

        var value = string.Join(',', kept);
        await _services.Store.DeviceModel.SaveAsync(
            StationDeviceModel.PersistenceKey(CommController, Priority, AttributeEnumType.Actual), value, cancellationToken).ConfigureAwait(false);
        model.UpdateActual(CommController, Priority, value);
    }

    private bool IsLower(int slot, int securityProfile) => _profiles.Find(slot) is { } profile && profile.SecurityProfile < securityProfile;

    private ValueRejection? CheckPriority(ComponentKey component, VariableKey variable, string value)
    {
        if (!component.Equals(CommController) || !variable.Equals(Priority))
        {
            return null;
        }

        var security = _services.DeviceModel.Security;
        foreach (var entry in value.Split(','))
        {
            if (!TryParseSlot(entry, out var slot) || _profiles.Find(slot) is not { } profile)
            {
                continue;
            }

            // A05.FR.08, A05.FR.09, A05.FR.10 (errata 2025-01): the priority must not lead to a weaker profile.
            if (NetworkProfileRules.Downgrade(profile.SecurityProfile, security.SecurityProfile, security.AllowSecurityProfileDowngrade) is { } downgrade)
            {
                return new ValueRejection(downgrade.ReasonCode, $"configuration slot {slot}: {downgrade.AdditionalInfo}");
            }

            if (profile.SecurityProfile >= 2 && _services.Certificates.Roots(InstallCertificateUseEnumType.CSMSRootCertificate).Count == 0)
            {
                return new ValueRejection("InvalidValue", $"configuration slot {slot} uses security profile {profile.SecurityProfile}, but no CSMSRootCertificate is installed");
            }

            if (profile.SecurityProfile == 3 && _services.Certificates.ChargingStationCertificate is null)
            {
                return new ValueRejection("InvalidValue", $"configuration slot {slot} uses security profile 3, but no ChargingStationCertificate is installed");
            }
        }

        return null;
    }

    private static bool TryParseSlot(string entry, out int slot) =>
        int.TryParse(entry.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out slot);
}
