using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Profiles;
using Chargebox.Testing.Pki;

namespace Chargebox.Conformance.Tests.Security;

/// <summary>SecurityCtrlr.AllowSecurityProfileDowngrade (errata 2025-01: A00.FR.005, A05.FR.08 to 10,
/// B09.FR.04, B09.FR.31, B09.FR.32). Part 6 has no test case for it beyond TC_A_22_CS; these follow the
/// requirements with the OCTT's steps of TC_A_19 / TC_A_22.</summary>
public sealed class SecurityProfileDowngradeTests : IDisposable
{
    private readonly TestPki _pki = StationUnderTest.CreatePki();

    [Fact]
    public async Task Reference_station_does_not_allow_a_downgrade_and_the_CSMS_cannot_enable_it()
    {
        await using var sut = await StationUnderTest.StartBootedAsync(StationUnderTest.SecurityProfile(_pki, 3));
        await using var profile2 = await sut.StartOtherCsmsAsync(options => StationUnderTest.TlsCsms(_pki, 2, options));

        Assert.Equal("false", (await sut.GetVariableAsync("SecurityCtrlr", "AllowSecurityProfileDowngrade")).AttributeValue);
        Assert.Equal(SetVariableStatusEnumType.Rejected, (await sut.SetVariableAsync("SecurityCtrlr", "AllowSecurityProfileDowngrade", "true")).AttributeStatus);

        // B09.FR.04: 3 -> 2 refused.
        var response = await sut.Connection.CallAsync(Profile(slot: 2, profile2.Url, 2), StationUnderTest.Timeout);
        Assert.Equal(SetNetworkProfileStatusEnumType.Rejected, response.Status);
        Assert.Equal("NoSecurityDowngrade", response.StatusInfo?.ReasonCode);
    }

    [Fact]
    public async Task A05_FR_10_priority_naming_a_slot_of_a_lower_profile_than_the_one_in_use_is_rejected()
    {
        await using var sut = await StationUnderTest.StartBootedAsync(StationUnderTest.SecurityProfile(_pki, 1));
        await using var profile2 = await sut.StartOtherCsmsAsync(options => StationUnderTest.TlsCsms(_pki, 2, options));

        // Upgrade 1 -> 2 (TC_A_19_CS steps 1-9): slot 1 keeps its profile 1 connection, out of the priority.
        Assert.Equal(SetNetworkProfileStatusEnumType.Accepted, (await sut.Connection.CallAsync(Profile(slot: 2, profile2.Url, 2), StationUnderTest.Timeout)).Status);
        await sut.SetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority", "2,1");
        await RebootOntoAsync(sut, profile2);
        Assert.Equal("2", (await sut.GetVariableAsync("SecurityCtrlr", "SecurityProfile")).AttributeValue);

        // Putting the profile 1 slot back into the priority is a downgrade: Rejected; the priority stays.
        var priority = await sut.SetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority", "2,1");
        Assert.Equal(SetVariableStatusEnumType.Rejected, priority.AttributeStatus);
        Assert.Equal("2", (await sut.GetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority")).AttributeValue);
    }

    [Fact]
    public async Task With_AllowSecurityProfileDowngrade_the_CSMS_moves_the_station_from_3_to_2_but_never_to_1()
    {
        var profile3 = StationUnderTest.SecurityProfile(_pki, 3);
        await using var sut = await StationUnderTest.StartBootedAsync(profile3 with
        {
            Station = options => AllowingDowngrade(profile3.Station(options)),
        });
        await using var profile2 = await sut.StartOtherCsmsAsync(options => StationUnderTest.TlsCsms(_pki, 2, options));
        Assert.Equal("true", (await sut.GetVariableAsync("SecurityCtrlr", "AllowSecurityProfileDowngrade")).AttributeValue);

        // B09.FR.32: never to profile 1.
        var toProfile1 = await sut.Connection.CallAsync(Profile(slot: 2, sut.Csms.Url, 1), StationUnderTest.Timeout);
        Assert.Equal(SetNetworkProfileStatusEnumType.Rejected, toProfile1.Status);
        Assert.Equal("NoSecurityDowngrade", toProfile1.StatusInfo?.ReasonCode);

        // B09.FR.31 and A05.FR.08: profile 2 is Accepted, in the profile and in the priority.
        Assert.Equal(SetNetworkProfileStatusEnumType.Accepted, (await sut.Connection.CallAsync(Profile(slot: 2, profile2.Url, 2), StationUnderTest.Timeout)).Status);
        var priority = await sut.SetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority", "2,1");
        Assert.Contains(priority.AttributeStatus, new[] { SetVariableStatusEnumType.Accepted, SetVariableStatusEnumType.RebootRequired });

        // After the reset the station connects with profile 2: TLS with its Basic password, no client certificate.
        await RebootOntoAsync(sut, profile2);
        Assert.Equal("2", (await sut.GetVariableAsync("SecurityCtrlr", "SecurityProfile")).AttributeValue);
        Assert.Equal(StationUnderTest.ConfiguredPassword, sut.Connection.Attempt.BasicAuthPassword);
    }

    public void Dispose() => _pki.Dispose();

    private static Chargebox.Station.ChargingStationOptions AllowingDowngrade(Chargebox.Station.ChargingStationOptions options) => options with
    {
        Profile = options.Profile with
        {
            Variables = [.. options.Profile.Variables, new VariableOverride { Component = "SecurityCtrlr", Variable = "AllowSecurityProfileDowngrade", Value = "true" }],
        },
    };

    // Reset OnIdle (Accepted), the reboot, and Booted on csms.
    private static async Task RebootOntoAsync(StationUnderTest sut, Chargebox.Testing.Csms.TestCsms csms)
    {
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);
        await sut.WaitForRebootAsync(connected: false);
        await sut.NextConnectionAsync(csms);
        await sut.AcceptBootAsync();
    }

    private static SetNetworkProfileRequest Profile(int slot, Uri url, int securityProfile) => new()
    {
        ConfigurationSlot = slot,
        ConnectionData = new NetworkConnectionProfileType
        {
            MessageTimeout = 30,
            OcppCsmsUrl = url.ToString(),
            OcppInterface = OCPPInterfaceEnumType.Wired0,
            OcppTransport = OCPPTransportEnumType.JSON,
            OcppVersion = OCPPVersionEnumType.OCPP20,
            SecurityProfile = securityProfile,
        },
    };
}
