using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.LocalAuthList;

/// <summary>C13 offline authorization through the Local Authorization List (Part 6, TC_C_21-25), on a station
/// profile with the list.</summary>
public sealed class OfflineLocalListAuthorizationTests
{
    // RetryBackOffWaitMinimum: long enough for the manual actions; OfflineThreshold is 60 s more.
    private const int WaitMinimum = 30;
    private static readonly TimeSpan BackOff = TimeSpan.FromSeconds(WaitMinimum);

    [Fact]
    public async Task TC_C_21_CS()
    {
        await using var sut = await ListedOfflineReadyAsync(StationUnderTest.ValidIdToken, AuthorizationStatusEnumType.Accepted);

        // StartOfflineTransaction: offline, the EV connected and the listed idToken shown: charging starts (C13.FR.02).
        await sut.GoOfflineAsync(BackOff);
        sut.Plug();
        sut.PresentCard();

        // Manual Actions: present the idToken, unplug (drive out of the parking bay).
        sut.PresentCard();
        sut.Unplug();
        await sut.ComeBackOnlineAsync(BackOff);

        // 1-2. The queue is emptied: the events before the StopAuthorized are offline, one of them is StopAuthorized.
        var events = (await sut.ExpectQueueEmptiedAsync(e => e.EventType == TransactionEventEnumType.Ended)).ToList();
        var stop = events.FindIndex(e => e.TriggerReason == TriggerReasonEnumType.StopAuthorized);
        Assert.True(stop >= 0, "no TransactionEvent with triggerReason StopAuthorized");
        Assert.All(events.Take(stop), e => Assert.True(e.Offline));
        Assert.Equal(TransactionEventEnumType.Started, events[0].EventType);
        Assert.Equal(StationUnderTest.ValidIdToken.IdToken, events[0].IdToken?.IdToken);
    }

    [Fact]
    public async Task TC_C_22_CS() => await ListedRefusalOfflineAsync(StationUnderTest.InvalidIdToken, AuthorizationStatusEnumType.Invalid);

    [Fact]
    public async Task TC_C_23_CS() => await ListedRefusalOfflineAsync(StationUnderTest.BlockedIdToken, AuthorizationStatusEnumType.Blocked);

    [Fact]
    public async Task TC_C_24_CS() => await ListedRefusalOfflineAsync(StationUnderTest.ExpiredIdToken, AuthorizationStatusEnumType.Expired);

    [Fact]
    public async Task TC_C_25_CS()
    {
        await using var sut = await StationUnderTest.StartBootedWithLocalAuthListAsync();

        // Memory: IdTokenCached Accepted, and IdTokenLocalAuthList with the same token set as Invalid.
        await sut.CacheIdTokenAsync(StationUnderTest.ValidIdToken, StationUnderTest.Info(AuthorizationStatusEnumType.Accepted));
        await sut.IdTokenLocalAuthListAsync(StationUnderTest.ListEntry(StationUnderTest.ValidIdToken, AuthorizationStatusEnumType.Invalid));
        await sut.ConfigureReconnectAsync(WaitMinimum);
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        await sut.ConfigureAsync("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        await sut.ConfigureAsync("AuthCtrlr", "LocalAuthorizeOffline", "true");
        await sut.ConfigureAsync("TxCtrlr", "StopTxOnInvalidId", "false");
        await sut.EvConnectedPreSessionAsync();

        // 1. Offline; Manual Action: the idToken (the list, not the cache, decides: C13.FR.01, C14.FR.01).
        await sut.GoOfflineAsync(BackOff);
        sut.PresentCard();

        // 2-3. Back online: no transaction was started.
        await sut.ComeBackOnlineAsync(BackOff);
        await AssertNoTransactionAsync(sut);
    }

    // TC_C_22-24: offline, the EV in the bay and a listed idToken that is not Accepted: refused (C13.FR.02).
    // TxStartPoint PowerPathClosed: steps 5-6 (a queued EVDetected event) apply to ParkingBayOccupancy only, so
    // once back online the station has no TransactionEvent to deliver.
    private static async Task ListedRefusalOfflineAsync(IdTokenType token, AuthorizationStatusEnumType status)
    {
        await using var sut = await ListedOfflineReadyAsync(token, status);

        // 1. Offline; 2. the EV; 3. the idToken; 4. back online.
        await sut.GoOfflineAsync(BackOff);
        sut.Plug();
        sut.PresentCard(token);
        await sut.ComeBackOnlineAsync(BackOff);

        // The station reports the connector it found occupied while offline, then nothing about a transaction.
        Assert.Equal(ConnectorStatusEnumType.Occupied, (await sut.ExpectStatusNotificationAsync()).ConnectorStatus);
        await AssertNoTransactionAsync(sut);
    }

    // Before: LocalAuthListEnabled, LocalPreAuthorize, LocalAuthorizeOffline true, OfflineTxForUnknownIdEnabled
    // false, the offline timing; Memory: IdTokenLocalAuthList for the token.
    private static async Task<StationUnderTest> ListedOfflineReadyAsync(IdTokenType token, AuthorizationStatusEnumType status)
    {
        var sut = await StationUnderTest.StartBootedWithLocalAuthListAsync();
        await sut.IdTokenLocalAuthListAsync(StationUnderTest.ListEntry(token, status));
        await sut.ConfigureReconnectAsync(WaitMinimum);
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        await sut.ConfigureAsync("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "false");
        await sut.ConfigureAsync("AuthCtrlr", "LocalAuthorizeOffline", "true");
        return sut;
    }

    // After the reconnection: whatever the station reports (connector status, heartbeat), no TransactionEvent,
    // and no energy.
    private static async Task AssertNoTransactionAsync(StationUnderTest sut)
    {
        await sut.AssertNotSentAsync("TransactionEvent", framesBefore: 0);
        Assert.False(sut.EnergyFlows);
    }
}
