using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Provisioning;

/// <summary>B04 and Part 4 section 5.3: status changes while offline, and reconnecting after a connection
/// loss (Part 6, TC_B_51, TC_B_52, TC_B_57). Back-off waits are fake time: the test waits (wall clock,
/// bounded) until the station armed its timer, then moves time.</summary>
public sealed class OfflineTests
{
    private const int OfflineThreshold = 60;

    [Fact]
    public async Task TC_B_51_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await ConfigureOfflineAsync(sut, waitMinimum: OfflineThreshold + 2);

        // 1. The OCTT closes the connection; 2. Manual Action: Connect the EV and EVSE while offline.
        await GoOfflineAsync(sut, OfflineThreshold + 2);
        sut.Plug();

        // 3. The reconnection comes after the threshold was exceeded.
        sut.Time.Advance(TimeSpan.FromSeconds(OfflineThreshold + 2));
        await sut.NextConnectionAsync();

        // 4-5. B04.FR.01: every connector reported, no new BootNotification (Part 4, 5.3): the configured
        // connector Occupied, the others Available.
        var reported = await sut.ExpectEveryConnectorReportedAsync();
        foreach (var ((evseId, connectorId), status) in reported)
        {
            var configured = evseId == StationUnderTest.EvseId && connectorId == StationUnderTest.ConnectorId;
            Assert.Equal(configured ? ConnectorStatusEnumType.Occupied : ConnectorStatusEnumType.Available, status);
        }

        Assert.DoesNotContain(sut.Connection.Frames, f => f.Text.Contains("\"BootNotification\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_B_52_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await ConfigureOfflineAsync(sut, waitMinimum: OfflineThreshold - 2);

        // 1-2. Offline, then the EV is connected.
        await GoOfflineAsync(sut, OfflineThreshold - 2);
        sut.Plug();

        // 3. Reconnected before the threshold.
        sut.Time.Advance(TimeSpan.FromSeconds(OfflineThreshold - 2));
        await sut.NextConnectionAsync();

        // 4-5. B04.FR.02: the connector whose status changed is reported: Occupied, configured EVSE/connector.
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal((StationUnderTest.EvseId, StationUnderTest.ConnectorId, ConnectorStatusEnumType.Occupied), (status.EvseId, status.ConnectorId, status.ConnectorStatus));
        Assert.DoesNotContain(sut.Connection.Frames, f => f.Text.Contains("\"BootNotification\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_B_57_CS()
    {
        const int waitMinimum = 17;
        var backOff = TimeSpan.FromSeconds(waitMinimum);
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "3");
        await sut.ConfigureAsync("OCPPCommCtrlr", "RetryBackOffRepeatTimes", "2");
        await sut.ConfigureAsync("OCPPCommCtrlr", "RetryBackOffRandomRange", "0");
        await sut.ConfigureAsync("OCPPCommCtrlr", "RetryBackOffWaitMinimum", $"{waitMinimum}");

        // 1. The OCTT closes the connection; 2-3. the station waits RetryBackOffWaitMinimum, reconnects, accepted.
        var lostAt = await GoOfflineAsync(sut, waitMinimum);
        var attempts = sut.Network.Attempts.Count;
        sut.Time.Advance(backOff - TimeSpan.FromMilliseconds(1));
        Assert.Equal(attempts, sut.Network.Attempts.Count);
        sut.Time.Advance(TimeSpan.FromMilliseconds(1));
        await sut.NextConnectionAsync();
        Assert.True(sut.Network.Attempts[^1] - lostAt >= backOff);

        // 4. Closed again; 5-6. after RetryBackOffWaitMinimum (the back-off starts over after a success) the
        // station reconnects, and this attempt is not accepted.
        var doubledArmed = sut.Time.NextTimer(2 * backOff);
        sut.Network.Refusing = true;
        lostAt = await GoOfflineAsync(sut, waitMinimum);
        sut.Time.Advance(backOff);
        await sut.Network.WhenAttempts(attempts + 2).WaitAsync(StationUnderTest.Timeout);
        var step5 = sut.Network.Attempts[^1] - lostAt;
        Assert.True(step5 >= backOff);
        var refusedAt = sut.Network.Attempts[^1];

        // 7-8. The next attempt waits twice as long, and is accepted.
        await doubledArmed.WaitAsync(StationUnderTest.Timeout);
        sut.Network.Refusing = false;
        sut.Time.Advance(2 * backOff - TimeSpan.FromMilliseconds(1));
        Assert.Equal(attempts + 2, sut.Network.Attempts.Count);
        sut.Time.Advance(TimeSpan.FromMilliseconds(1));
        await sut.NextConnectionAsync();
        Assert.True(sut.Network.Attempts[^1] - refusedAt >= 2 * step5);

        // Reconnecting is not rebooting: no BootNotification on the new connections (Part 4, 5.3).
        Assert.Equal(3, sut.AllConnections().Count);
        Assert.Single(sut.AllConnections().SelectMany(c => c.Frames), f => f.Text.Contains("\"BootNotification\"", StringComparison.Ordinal));
    }

    private static async Task ConfigureOfflineAsync(StationUnderTest sut, int waitMinimum)
    {
        await sut.ConfigureAsync("OCPPCommCtrlr", "OfflineThreshold", $"{OfflineThreshold}");
        await sut.ConfigureAsync("OCPPCommCtrlr", "RetryBackOffWaitMinimum", $"{waitMinimum}");
        await sut.ConfigureAsync("OCPPCommCtrlr", "RetryBackOffRandomRange", "0");
    }

    /// <summary>The OCTT closes the WebSocket; returns once the station knows and armed its reconnection
    /// back-off of <paramref name="backOffSeconds"/>, with the (fake) time the connection was lost.</summary>
    private static async Task<DateTimeOffset> GoOfflineAsync(StationUnderTest sut, int backOffSeconds)
    {
        var armed = sut.Time.NextTimer(TimeSpan.FromSeconds(backOffSeconds));
        var lostAt = sut.Time.GetUtcNow();
        await sut.Connection.CloseAsync();
        await sut.Connection.WaitForDisconnectAsync(StationUnderTest.Timeout);
        await armed.WaitAsync(StationUnderTest.Timeout);
        return lostAt;
    }
}
