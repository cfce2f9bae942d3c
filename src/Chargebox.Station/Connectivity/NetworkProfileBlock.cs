using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.Connectivity;

/// <summary>SetNetworkProfile (B09): checks the profile, stores it in its slot and answers. The station moves to
/// it only when NetworkConfigurationPriority names it at the next boot (B10).</summary>
internal sealed class NetworkProfileBlock
{
    private readonly StationServices _services;
    private readonly NetworkProfiles _profiles;
    private readonly SlotRotation _rotation;

    public NetworkProfileBlock(StationServices services, NetworkProfiles profiles, SlotRotation rotation)
    {
        _services = services;
        _profiles = profiles;
        _rotation = rotation;
        services.Router.On<SetNetworkProfileRequest, SetNetworkProfileResponse>(SetNetworkProfileAsync);
    }

    private async ValueTask<SetNetworkProfileResponse> SetNetworkProfileAsync(SetNetworkProfileRequest request, CancellationToken cancellationToken)
    {
        var refusal = NetworkProfileRules.Check(
            request.ConfigurationSlot,
            request.ConnectionData,
            _rotation.Active,
            _services.DeviceModel.Security.SecurityProfile,
            _services.DeviceModel.Security.AllowSecurityProfileDowngrade);
        if (refusal is not null)
        {
            return new SetNetworkProfileResponse { Status = SetNetworkProfileStatusEnumType.Rejected, StatusInfo = refusal };
        }

        // B09.FR.01: Accepted only once the profile is stored; a storage failure is an error the CSMS sees.
        await _profiles.SaveAsync(request.ConfigurationSlot, request.ConnectionData, cancellationToken).ConfigureAwait(false);
        _services.SecurityEvents.Raise(
            Security.SecurityEventType.ReconfigurationOfSecurityParameters,
            $"SetNetworkProfile configurationSlot {request.ConfigurationSlot}, securityProfile {request.ConnectionData.SecurityProfile}");
        return new SetNetworkProfileResponse { Status = SetNetworkProfileStatusEnumType.Accepted };
    }
}
