using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Pki;

namespace Chargebox.Conformance.Tests.Security;

/// <summary>A01: the CSMS sets a new BasicAuthPassword (Part 6, TC_A_09 and TC_A_10).</summary>
public sealed class BasicAuthPasswordTests : IDisposable
{
    private const string NewPassword = "new-Passw0rd-for-A01";
    private readonly TestPki _pki = StationUnderTest.CreatePki();

    [Fact]
    public async Task TC_A_09_CS()
    {
        // The OCTT accepts whatever password comes, so the test sees which one the station presents.
        var profile1 = StationUnderTest.SecurityProfile(_pki, 1);
        await using var sut = await StationUnderTest.StartBootedAsync(profile1 with { Csms = options => profile1.Csms(options) with { BasicAuthPassword = null } });
        var reconnect = sut.Time.NextTimer(StationUnderTest.SecurityBackOff);

        // 1-2. SetVariables SecurityCtrlr.BasicAuthPassword; step 2: Accepted or RebootRequired.
        var result = await sut.SetVariableAsync("SecurityCtrlr", "BasicAuthPassword", NewPassword);
        Assert.Equal(SetVariableStatusEnumType.Accepted, result.AttributeStatus);

        // 3-4. The station connects again, with Basic <identity>:<new password>; Accepted needs no new boot.
        await sut.Connection.WaitForDisconnectAsync(StationUnderTest.Timeout);
        await reconnect.WaitAsync(StationUnderTest.Timeout);
        sut.Time.Advance(StationUnderTest.SecurityBackOff);
        await sut.NextConnectionAsync();
        Assert.Equal((StationUnderTest.Identity, NewPassword), (sut.Connection.Attempt.BasicAuthUser, sut.Connection.Attempt.BasicAuthPassword));

        // The password is never readable (write-only), and the station serves the CSMS on the new connection.
        var read = await sut.GetVariableAsync("SecurityCtrlr", "BasicAuthPassword");
        Assert.Equal(GetVariableStatusEnumType.Rejected, read.AttributeStatus);
        Assert.Null(read.AttributeValue);
    }

    [Fact]
    public async Task A01_FR_03_a_power_cut_between_Accepted_and_the_reconnect_keeps_the_new_password()
    {
        // A01.FR.03: once the CSMS has the Accepted, it refuses the old credentials; so the new password must be
        // durable before the answer leaves, or a power cut before the reconnect would lock the station out.
        var profile1 = StationUnderTest.SecurityProfile(_pki, 1);
        await using var sut = await StationUnderTest.StartBootedAsync(profile1 with { Csms = options => profile1.Csms(options) with { BasicAuthPassword = null } });

        var result = await sut.SetVariableAsync("SecurityCtrlr", "BasicAuthPassword", NewPassword);
        Assert.Equal(SetVariableStatusEnumType.Accepted, result.AttributeStatus);
        await sut.Connection.WaitForDisconnectAsync(StationUnderTest.Timeout);

        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();
        Assert.Equal((StationUnderTest.Identity, NewPassword), (sut.Connection.Attempt.BasicAuthUser, sut.Connection.Attempt.BasicAuthPassword));
    }

    [Fact]
    public async Task TC_A_10_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. A new password of fewer than 16 characters; step 2: Rejected.
        var result = await sut.SetVariableAsync("SecurityCtrlr", "BasicAuthPassword", "Short-Passw0rd");
        Assert.Equal(SetVariableStatusEnumType.Rejected, result.AttributeStatus);

        // 3-5. The next connection still uses the old password (the OCTT accepts only that one), Booted.
        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();
        Assert.Equal(StationUnderTest.ConfiguredPassword, sut.Connection.Attempt.BasicAuthPassword);
    }

    public void Dispose() => _pki.Dispose();
}
