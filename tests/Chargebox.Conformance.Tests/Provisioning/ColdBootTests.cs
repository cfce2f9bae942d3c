using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Provisioning;

/// <summary>B01 to B03: Cold Boot Charging Station (Part 6, TC_B_01, TC_B_02, TC_B_03, TC_B_30).</summary>
public sealed class ColdBootTests
{
    [Fact]
    public async Task TC_B_01_CS()
    {
        await using var sut = await StationUnderTest.StartAsync();

        // 1. Execute Reusable State Booted (power-up).
        var boot = await sut.AcceptBootAsync();

        // B01.FR.01: the BootNotificationRequest says why and who.
        Assert.Equal(BootReasonEnumType.PowerUp, boot.Reason);
        Assert.False(string.IsNullOrEmpty(boot.ChargingStation.Model));
        Assert.False(string.IsNullOrEmpty(boot.ChargingStation.VendorName));
    }
}
