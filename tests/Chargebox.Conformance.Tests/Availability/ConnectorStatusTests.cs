using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Availability;

/// <summary>G01: Connector status Notification (Part 6, TC_G_01, TC_G_02).</summary>
public sealed class ConnectorStatusTests
{
    [Fact]
    public async Task TC_G_01_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1. Execute Reusable State EVConnectedPreSession: Occupied for the configured connector.
        await sut.EvConnectedPreSessionAsync();
    }

    [Fact]
    public async Task TC_G_02_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.EvConnectedPreSessionAsync();

        // Manual Action: Disconnect the EV and EVSE.
        sut.Unplug();

        // 3-4. The connector is reported Available.
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((StationUnderTest.EvseId, StationUnderTest.ConnectorId, ConnectorStatusEnumType.Available), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
    }
}
