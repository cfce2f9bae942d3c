using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Provisioning;

/// <summary>B09 and B10: Set a network connection profile and migrate to it (Part 6, TC_B_43 to TC_B_50).
/// The station does not implement SetNetworkProfile yet (no persisted connection profiles, no
/// NetworkConfigurationPriority fallback): every case is written up to what it needs and skipped.</summary>
public sealed class NetworkProfileTests
{
    private const string Skip = "needs SetNetworkProfile with persisted network connection profiles (B09) and NetworkConfigurationPriority fallback (B10)";

    [Fact(Skip = Skip)]
    public async Task TC_B_43_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-2. A profile for configurationSlot 999, which does not exist: Rejected (B09.FR.02).
        var response = await sut.Connection.CallAsync(NewProfile(sut, slot: 999), StationUnderTest.Timeout);
        Assert.Equal(SetNetworkProfileStatusEnumType.Rejected, response.Status);
    }

    [Fact(Skip = Skip)]
    public async Task TC_B_45_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-6. New profile in the free slot, priority to it, Reset.
        await MigrateToNewSlotAsync(sut);

        // 7. Booted, connected with the new profile (the slot set in step 1).
        await sut.AcceptBootAsync();
    }

    [Fact(Skip = Skip)]
    public async Task TC_B_46_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "2");

        // 1-6. New profile in the free slot, priority to it, Reset; 7. the OCTT refuses the two attempts on it.
        sut.Network.Refusing = true;
        await MigrateToNewSlotAsync(sut);
        await sut.Network.WhenAttempts(sut.Network.Attempts.Count + 2).WaitAsync(StationUnderTest.Timeout);

        // 8-9. The station falls back to the other slot (B10.FR.03) and boots there.
        sut.Network.Refusing = false;
        await sut.NextConnectionAsync();
        await sut.AcceptBootAsync();
    }

    [Fact(Skip = Skip + "; and a second CSMS root certificate (AS-2, M05)")]
    public async Task TC_B_47_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "1");

        // 1-6. As TC_B_45_CS; 7-12 need security profile 2 with two CSMS roots: the new profile's CSMS fails
        // the certificate check and the station falls back (B10.FR.07, M05.FR.15, M05.FR.16).
        await MigrateToNewSlotAsync(sut);
    }

    [Fact(Skip = Skip)]
    public async Task TC_B_49_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "1");
        await sut.ConfigureAsync("OCPPCommCtrlr", "RetryBackOffRepeatTimes", "0");
        await sut.ConfigureAsync("OCPPCommCtrlr", "RetryBackOffRandomRange", "0");

        // 1-8. As TC_B_45_CS, and the attempt on the new slot is refused; 9-10. the previous profile too;
        // 11-13. RetryBackOffWaitMinimum later the station tries again and boots (B10.FR.07).
        sut.Network.Refusing = true;
        await MigrateToNewSlotAsync(sut);
        await sut.Network.WhenAttempts(sut.Network.Attempts.Count + 2).WaitAsync(StationUnderTest.Timeout);
        sut.Network.Refusing = false;
        sut.Time.Advance(TimeSpan.FromSeconds(10));
        await sut.NextConnectionAsync();
        await sut.AcceptBootAsync();
    }

    [Fact(Skip = Skip + "; and security profile 2 or 3 with a new CSMS root certificate (M05.FR.13)")]
    public async Task TC_B_50_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1-6. As TC_B_45_CS; 7-9 need a CSMS on a certificate chaining to a newly installed root.
        await MigrateToNewSlotAsync(sut);
        await sut.AcceptBootAsync();
    }

    /// <summary>Steps 1 to 6 of the migration cases: SetNetworkProfile for the slot not in use (Accepted,
    /// B09.FR.01), NetworkConfigurationPriority "&lt;new slot&gt;,&lt;other slot&gt;" (Accepted or RebootRequired),
    /// Reset OnIdle (Accepted), and the reboot.</summary>
    private static async Task MigrateToNewSlotAsync(StationUnderTest sut)
    {
        var response = await sut.Connection.CallAsync(NewProfile(sut, slot: 2), StationUnderTest.Timeout);
        Assert.Equal(SetNetworkProfileStatusEnumType.Accepted, response.Status);

        var priority = await sut.SetVariableAsync("OCPPCommCtrlr", "NetworkConfigurationPriority", "2,1");
        Assert.Contains(priority.AttributeStatus, new[] { SetVariableStatusEnumType.Accepted, SetVariableStatusEnumType.RebootRequired });

        var reset = await sut.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle }, StationUnderTest.Timeout);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);
        await sut.WaitForRebootAsync(connected: !sut.Network.Refusing);
    }

    private static SetNetworkProfileRequest NewProfile(StationUnderTest sut, int slot) => new()
    {
        ConfigurationSlot = slot,
        ConnectionData = new NetworkConnectionProfileType
        {
            MessageTimeout = 30,
            OcppCsmsUrl = sut.Csms.Url.ToString(),
            OcppInterface = OCPPInterfaceEnumType.Wired0,
            OcppTransport = OCPPTransportEnumType.JSON,
            OcppVersion = OCPPVersionEnumType.OCPP20,
            SecurityProfile = 1,
        },
    };
}
