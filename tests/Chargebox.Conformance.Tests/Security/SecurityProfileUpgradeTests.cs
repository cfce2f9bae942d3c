using System.Globalization;
using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Security;
using Chargebox.Testing.Csms;
using Chargebox.Testing.Pki;

namespace Chargebox.Conformance.Tests.Security;

/// <summary>A05: upgrading the security profile with SetNetworkProfile, NetworkConfigurationPriority and Reset
/// (Part 6, TC_A_19 to TC_A_22, with the errata of 2025-04 and 2025-06). The OCTT starts one CSMS server per
/// security profile; the station starts with profile 1 on the harness's ws:// CSMS.</summary>
public sealed class SecurityProfileUpgradeTests : IDisposable
{
    private readonly TestPki _pki = StationUnderTest.CreatePki();

    [Fact]
    public async Task TC_A_19_CS()
    {
        var network = new CsmsDiversion();
        await using var sut = await StationUnderTest.StartBootedAsync(StationUnderTest.SecurityProfile(_pki, 1, network));
        await sut.ConfigureAsync("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "1");
        await using var profile2 = await sut.StartOtherCsmsAsync(options => StationUnderTest.TlsCsms(_pki, 2, options));
        await using var profile3 = await sut.StartOtherCsmsAsync(options => StationUnderTest.TlsCsms(_pki, 3, options));

        // 1 -> 2, steps 1-13.
        var lowerSlot = await UpgradeAsync(sut, profile2, securityProfile: 2);

        // Errata 2025-06: the OCTT drops the connection and offers only its profile 1 server; the station must
        // not go back to profile 1 (though one failed attempt per slot would move it on), and reconnects once
        // profile 2 is offered again.
        var profile1Attempts = sut.Csms.ConnectionAttempts.Count;
        var attempts = network.Outcomes.Count;
        network.Unreachable = profile2.Url;
        var backOff = sut.Time.NextTimer(StationUnderTest.SecurityBackOff);
        await sut.Connection.AbortAsync();
        for (var refused = 1; refused <= 3; refused++)
        {
            await backOff.WaitAsync(StationUnderTest.Timeout);
            backOff = sut.Time.NextTimer(StationUnderTest.SecurityBackOff);
            sut.Time.Advance(StationUnderTest.SecurityBackOff);
            await network.WhenAttempts(attempts + refused).WaitAsync(StationUnderTest.Timeout);
        }

        await backOff.WaitAsync(StationUnderTest.Timeout);
        network.Unreachable = null;
        sut.Time.Advance(StationUnderTest.SecurityBackOff);
        await sut.NextConnectionAsync(profile2);
        Assert.Equal(profile1Attempts, sut.Csms.ConnectionAttempts.Count);
        Assert.DoesNotContain(lowerSlot.ToString(CultureInfo.InvariantCulture), (await sut.GetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority")).AttributeValue!.Split(','));

        // 2 -> 3, steps 1-13 again: the client certificate replaces the password.
        await UpgradeAsync(sut, profile3, securityProfile: 3);
        Assert.NotNull(sut.Connection.Attempt.ClientCertificate);
        Assert.Null(sut.Connection.Attempt.BasicAuthPassword);
    }

    [Fact]
    public async Task A05_a_failed_upgrade_falls_back_to_the_previous_connection_profile()
    {
        await using var sut = await StationUnderTest.StartBootedAsync(StationUnderTest.SecurityProfile(_pki, 1));
        await using var broken = await sut.StartOtherCsmsAsync(options => StationUnderTest.TlsCsms(_pki, 2, options) with { ServerCertificate = _pki.IssueExpiredServerCertificate() });
        await sut.ConfigureAsync("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "1");

        // The upgrade to profile 2 is configured, but its CSMS presents an expired certificate.
        Assert.Equal(SetNetworkProfileStatusEnumType.Accepted, (await sut.Connection.CallAsync(Profile(slot: 2, broken.Url, 2), StationUnderTest.Timeout)).Status);
        await sut.SetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority", "2,1");
        var backOff = sut.Time.NextTimer(StationUnderTest.SecurityBackOff);
        Assert.Equal(ResetStatusEnumType.Accepted, (await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle }, StationUnderTest.Timeout)).Status);
        await sut.WaitForRebootAsync(connected: false);

        // C-47 / B10.FR.03: after the failed attempt the station goes back to the profile it had (slot 1,
        // security profile 1: it never connected with 2) and tells the CSMS why.
        await backOff.WaitAsync(StationUnderTest.Timeout);
        sut.Time.Advance(StationUnderTest.SecurityBackOff);
        await sut.NextConnectionAsync();
        await sut.AcceptBootAsync();
        Assert.Empty(broken.ConnectionAttempts);
        Assert.Equal("1", (await sut.GetVariableAsync("SecurityCtrlr", "SecurityProfile")).AttributeValue);
        Assert.Equal("1", (await sut.GetVariableAsync("OCPPCommCtrlr", "ActiveNetworkProfile")).AttributeValue);
        await sut.ExpectSecurityEventAsync(SecurityEventType.InvalidCsmsCertificate);
    }

    [Fact]
    public async Task TC_A_20_CS()
    {
        // The harness's station has no CSMSRootCertificate at all.
        await using var sut = await StationUnderTest.StartBootedAsync();
        await using var profile2 = await sut.StartOtherCsmsAsync(options => StationUnderTest.TlsCsms(_pki, 2, options));

        // 1-2. Errata 2025-04: Accepted or Rejected.
        var stored = await sut.Connection.CallAsync(Profile(slot: 2, profile2.Url, 2), StationUnderTest.Timeout);
        Assert.Contains(stored.Status, new[] { SetNetworkProfileStatusEnumType.Accepted, SetNetworkProfileStatusEnumType.Rejected });

        // 3-4. Step 4: Rejected (A05.FR.02).
        var priority = await sut.SetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority", "2,1");
        Assert.Equal(SetVariableStatusEnumType.Rejected, priority.AttributeStatus);
    }

    [Fact]
    public async Task TC_A_21_CS()
    {
        // A valid CSMSRootCertificate but no ChargingStationCertificate.
        var profile1 = StationUnderTest.SecurityProfile(_pki, 1);
        await using var sut = await StationUnderTest.StartBootedAsync(profile1 with { Station = options => profile1.Station(options) with { ClientCertificate = null } });
        await using var profile3 = await sut.StartOtherCsmsAsync(options => StationUnderTest.TlsCsms(_pki, 3, options));

        // 1-2. Step 2: Accepted.
        var stored = await sut.Connection.CallAsync(Profile(slot: 2, profile3.Url, 3), StationUnderTest.Timeout);
        Assert.Equal(SetNetworkProfileStatusEnumType.Accepted, stored.Status);

        // 3-4. Step 4: Rejected (A05.FR.03).
        var priority = await sut.SetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority", "2,1");
        Assert.Equal(SetVariableStatusEnumType.Rejected, priority.AttributeStatus);
    }

    [Fact]
    public async Task TC_A_22_CS()
    {
        // Connected with security profile 2.
        await using var sut = await StationUnderTest.StartBootedAsync(StationUnderTest.SecurityProfile(_pki, 2));
        await using var profile1 = await sut.StartOtherCsmsAsync(options => options);

        // 1-2. A profile 1 connection for the slot not in use; step 2: Rejected (B09.FR.04).
        var response = await sut.Connection.CallAsync(Profile(slot: 2, profile1.Url, 1), StationUnderTest.Timeout);
        Assert.Equal(SetNetworkProfileStatusEnumType.Rejected, response.Status);
    }

    public void Dispose() => _pki.Dispose();

    /// <summary>Steps 1 to 13 of TC_A_19_CS (errata 2025-04): the new profile in the slot not active, the
    /// priority "&lt;new&gt;,&lt;active&gt;", Reset OnIdle, Booted on <paramref name="csms"/> with the higher
    /// profile; returns the slot left behind.</summary>
    private static async Task<int> UpgradeAsync(StationUnderTest sut, TestCsms csms, int securityProfile)
    {
        var active = int.Parse((await sut.GetVariableAsync("OCPPCommCtrlr", "ActiveNetworkProfile")).AttributeValue!, CultureInfo.InvariantCulture);
        var slot = active == 1 ? 2 : 1;

        // Step 2: Accepted.
        var stored = await sut.Connection.CallAsync(Profile(slot, csms.Url, securityProfile), StationUnderTest.Timeout);
        Assert.Equal(SetNetworkProfileStatusEnumType.Accepted, stored.Status);

        // Step 4: Accepted or RebootRequired.
        var priority = await sut.SetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority", $"{slot},{active}");
        Assert.Contains(priority.AttributeStatus, new[] { SetVariableStatusEnumType.Accepted, SetVariableStatusEnumType.RebootRequired });

        // Step 6: Accepted.
        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);

        // 7-9. The station reconnects with the higher profile, Booted.
        await sut.WaitForRebootAsync(connected: false);
        await sut.NextConnectionAsync(csms);
        await sut.AcceptBootAsync();

        // 10-13. Step 11: the new security profile; step 13: the lower-profile slot is gone from the priority.
        Assert.Equal(securityProfile.ToString(CultureInfo.InvariantCulture), (await sut.GetVariableAsync("SecurityCtrlr", "SecurityProfile")).AttributeValue);
        var newPriority = (await sut.GetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority")).AttributeValue!;
        Assert.DoesNotContain(active.ToString(CultureInfo.InvariantCulture), newPriority.Split(','));
        return active;
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
