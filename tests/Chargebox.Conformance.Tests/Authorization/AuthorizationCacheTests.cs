using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Authorization;

/// <summary>C10-C12: the Authorization Cache, online (Part 6, TC_C_08-13, 57, 32-34, 36-38, 46).</summary>
public sealed class AuthorizationCacheTests
{
    private static readonly IdTokenInfoType Accepted = StationUnderTest.Info(AuthorizationStatusEnumType.Accepted);
    private static readonly IdTokenInfoType Invalid = StationUnderTest.Info(AuthorizationStatusEnumType.Invalid);

    [Fact]
    public async Task TC_C_08_CS()
    {
        await using var sut = await CachedAsync(StationUnderTest.ValidIdToken, Accepted);
        await sut.EvConnectedPreSessionAsync();

        // 1-2. Authorized from the cache (no AuthorizeRequest, C12.FR.02), then EnergyTransferStarted.
        sut.PresentCard();
        await ExpectStartedAsync(sut, TriggerReasonEnumType.Authorized);
    }

    [Fact]
    public async Task TC_C_09_CS() => await CachedRefusalAskedAgainAsync(StationUnderTest.InvalidIdToken, AuthorizationStatusEnumType.Invalid);

    [Fact]
    public async Task TC_C_10_CS() => await CachedRefusalAskedAgainAsync(StationUnderTest.BlockedIdToken, AuthorizationStatusEnumType.Blocked);

    [Fact]
    public async Task TC_C_11_CS() => await CachedRefusalAskedAgainAsync(StationUnderTest.ExpiredIdToken, AuthorizationStatusEnumType.Expired);

    [Fact]
    public async Task TC_C_12_CS()
    {
        await using var sut = await CachedAsync(StationUnderTest.InvalidIdToken, Invalid);
        await sut.ConfigureAsync("AuthCacheCtrlr", "DisablePostAuthorize", "false");
        await sut.EvConnectedPreSessionAsync();

        // 1-2. Cached Invalid is asked again; now Accepted; 3-5. the transaction starts charging.
        sut.PresentCard(StationUnderTest.InvalidIdToken);
        await sut.ExpectAuthorizeAsync(StationUnderTest.InvalidIdToken, Accepted);
        var started = await sut.ExpectTransactionEventAsync(Accepted);
        Assert.Equal((TransactionEventEnumType.Started, TriggerReasonEnumType.Authorized), (started.EventType, started.TriggerReason));
        Assert.Equal(StationUnderTest.InvalidIdToken.IdToken, started.IdToken?.IdToken);
        Assert.True(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_C_13_CS()
    {
        await using var sut = await CachedAsync(StationUnderTest.ValidIdToken, Accepted);
        var framesBefore = sut.Connection.Frames.Count;

        // The cached token before the cable: authorized locally; with TxStartPoint PowerPathClosed nothing
        // starts until the EV is connected (step 1 applies to TxStartPoint Authorized only).
        sut.PresentCard();
        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);

        // 3-4. EVConnectedPreSession, EnergyTransferStarted.
        sut.Plug();
        await ExpectStartedAsync(sut, TriggerReasonEnumType.CablePluggedIn);
        Assert.DoesNotContain(sut.Connection.Frames.Skip(framesBefore), f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_C_57_CS()
    {
        await using var sut = await CachedAsync(StationUnderTest.InvalidIdToken, Invalid);
        await sut.ConfigureAsync("AuthCacheCtrlr", "DisablePostAuthorize", "true");
        await sut.EvConnectedPreSessionAsync();
        var framesBefore = sut.Connection.Frames.Count;

        // 1. The cached Invalid token is refused without an AuthorizeRequest (C-59).
        sut.PresentCard(StationUnderTest.InvalidIdToken);
        await sut.AssertNotSentAsync("Authorize", framesBefore);
        Assert.DoesNotContain(sut.Connection.Frames.Skip(framesBefore), f => f.Text.Contains("\"TransactionEvent\"", StringComparison.Ordinal));
        Assert.False(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_C_32_CS()
    {
        await using var sut = await CachedAsync(StationUnderTest.ValidIdToken, Accepted);

        // 1. Booted again after a power cycle: the cache is in non-volatile memory (C10.FR.02).
        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();

        // 2-5. The cached token is authorized locally, then the EV starts the transaction.
        sut.PresentCard();
        sut.Plug();
        await ExpectStartedAsync(sut, TriggerReasonEnumType.CablePluggedIn);
        Assert.DoesNotContain(sut.Connection.Frames, f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_C_33_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        await sut.EvConnectedPreSessionAsync();

        // 1-5. Authorize Accepted (the cache learns it, C10.FR.04), the transaction starts.
        var transactionId = await sut.EnergyTransferStartedAfterAuthorizeAsync();

        // 6-7. EVConnectedPostSession, EVDisconnected; 9-10. the EV is back.
        await sut.StopAuthorizedAsync(transactionId);
        sut.Unplug();
        Assert.Equal(ConnectorStatusEnumType.Available, (await sut.ExpectStatusNotificationAsync()).ConnectorStatus);
        await sut.EvConnectedPreSessionAsync();

        // 12-13. The same token now comes from the cache: a TransactionEvent, no AuthorizeRequest; the CSMS says Invalid.
        sut.PresentCard();
        var started = await sut.ExpectTransactionEventAsync(Invalid);
        Assert.Equal((TransactionEventEnumType.Started, TriggerReasonEnumType.Authorized), (started.EventType, started.TriggerReason));
        Assert.Equal(StationUnderTest.ValidIdToken.IdToken, started.IdToken?.IdToken);
    }

    [Fact]
    public async Task TC_C_34_CS()
    {
        await using var sut = await CachedAsync(StationUnderTest.ValidIdToken, Accepted);
        await sut.EvConnectedPreSessionAsync();

        // 1-2. Started from the cache; the CSMS answers Invalid, which updates the cache (C10.FR.05) and,
        // with StopTxOnInvalidId, ends the transaction (Deauthorized).
        sut.PresentCard();
        var started = await sut.ExpectTransactionEventAsync(Invalid);
        Assert.Equal((TransactionEventEnumType.Started, TriggerReasonEnumType.Authorized), (started.EventType, started.TriggerReason));
        var ended = await sut.ExpectTransactionEventAsync(Invalid);
        Assert.Equal((TransactionEventEnumType.Ended, TriggerReasonEnumType.Deauthorized), (ended.EventType, ended.TriggerReason));

        // 3-6. EVDisconnected, EVConnectedPreSession.
        sut.Unplug();
        Assert.Equal(ConnectorStatusEnumType.Available, (await sut.ExpectStatusNotificationAsync()).ConnectorStatus);
        await sut.EvConnectedPreSessionAsync();

        // 7-8. The cached Invalid token is asked again.
        sut.PresentCard();
        await sut.ExpectAuthorizeAsync(StationUnderTest.ValidIdToken, Invalid);
        Assert.False(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_C_36_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.CacheIdTokenAsync(StationUnderTest.ValidIdToken, Accepted);
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "false");

        // 1-2. Without LocalPreAuthorize the cached token is asked (C10.FR.11).
        sut.PresentCard();
        await sut.ExpectAuthorizeAsync(StationUnderTest.ValidIdToken, Invalid);
    }

    [Fact]
    public async Task TC_C_37_CS()
    {
        await using var sut = await CachedAsync(StationUnderTest.ValidIdToken, Accepted);

        // 1-2. ClearCache: Accepted (C11.FR.03), the cache is empty.
        var cleared = await sut.Connection.CallAsync(new ClearCacheRequest(), StationUnderTest.Timeout);
        Assert.Equal(ClearCacheStatusEnumType.Accepted, cleared.Status);
        Assert.Equal("0", (await sut.GetVariableAsync("AuthCacheCtrlr", "Storage")).AttributeValue);

        // 3-9. The token is no longer known: AuthorizeRequest, then the transaction starts.
        await sut.EvConnectedPreSessionAsync();
        await sut.EnergyTransferStartedAfterAuthorizeAsync();
    }

    [Fact]
    public async Task TC_C_38_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.CacheIdTokenAsync(StationUnderTest.ValidIdToken, Accepted);
        await sut.ConfigureAsync("AuthCacheCtrlr", "Enabled", "false");

        // 1-2. ClearCache while the cache is disabled: Rejected (C11.FR.04).
        var cleared = await sut.Connection.CallAsync(new ClearCacheRequest(), StationUnderTest.Timeout);
        Assert.Equal(ClearCacheStatusEnumType.Rejected, cleared.Status);
    }

    [Fact]
    public async Task TC_C_46_CS()
    {
        const int lifeTime = 600;
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("AuthCacheCtrlr", "LifeTime", $"{lifeTime}");
        await sut.CacheIdTokenAsync(StationUnderTest.ValidIdToken, Accepted);
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        await sut.EvConnectedPreSessionAsync();

        // 1. AuthCacheLifeTime passes without the token being used (C10.FR.08); 2. Authorized (local)
        // goes to the CSMS again.
        sut.Time.Advance(TimeSpan.FromSeconds(lifeTime));
        await sut.EnergyTransferStartedAfterAuthorizeAsync();
    }

    // Memory IdTokenCached, then LocalPreAuthorize true (the Before of most cache test cases).
    private static async Task<StationUnderTest> CachedAsync(IdTokenType token, IdTokenInfoType info)
    {
        var sut = await StationUnderTest.StartBootedAsync();
        await sut.CacheIdTokenAsync(token, info);
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        return sut;
    }

    // A cached refused token (TC_C_09-11): with DisablePostAuthorize false it is asked again (C10.FR.03,
    // C12.FR.05); the CSMS refuses again and nothing starts.
    private static async Task CachedRefusalAskedAgainAsync(IdTokenType token, AuthorizationStatusEnumType status)
    {
        await using var sut = await CachedAsync(token, StationUnderTest.Info(status));
        await sut.ConfigureAsync("AuthCacheCtrlr", "DisablePostAuthorize", "false");
        await sut.EvConnectedPreSessionAsync();
        var framesBefore = sut.Connection.Frames.Count;

        sut.PresentCard(token);
        await sut.ExpectAuthorizeAsync(token, StationUnderTest.Info(status));
        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);
        Assert.False(sut.EnergyFlows);
    }

    // Started without an AuthorizeRequest before it: the idToken, charging.
    private static async Task ExpectStartedAsync(StationUnderTest sut, TriggerReasonEnumType trigger)
    {
        var started = await sut.ExpectTransactionEventAsync(Accepted);
        Assert.Equal((TransactionEventEnumType.Started, trigger), (started.EventType, started.TriggerReason));
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.True(sut.EnergyFlows);

        // Started on the cable, the contactor closes before the EV draws: EVConnected (what the tool accepts for
        // a Started before energy flows, see docs/transactions.md), then Charging.
        if (started.TransactionInfo.ChargingState != ChargingStateEnumType.Charging)
        {
            Assert.Equal(ChargingStateEnumType.EVConnected, started.TransactionInfo.ChargingState);
            var charging = await sut.ExpectTransactionEventAsync(Accepted);
            Assert.Equal((TriggerReasonEnumType.ChargingStateChanged, ChargingStateEnumType.Charging), (charging.TriggerReason, charging.TransactionInfo.ChargingState));
        }
    }
}
