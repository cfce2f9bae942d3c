using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Authorization;

/// <summary>C12/C15: authorized while offline, judged by the CSMS once back (Part 6, TC_C_15-18, TC_C_26).</summary>
public sealed class OfflineAuthorizationTests
{
    // RetryBackOffWaitMinimum: long enough for the manual actions; OfflineThreshold is 60 s more.
    private const int WaitMinimum = 30;
    private static readonly TimeSpan BackOff = TimeSpan.FromSeconds(WaitMinimum);
    private static readonly IdTokenInfoType Accepted = StationUnderTest.Info(AuthorizationStatusEnumType.Accepted);
    private static readonly IdTokenInfoType Invalid = StationUnderTest.Info(AuthorizationStatusEnumType.Invalid);

    [Fact]
    public async Task TC_C_15_CS()
    {
        await using var sut = await CachedAndConfiguredAsync(stopTxOnInvalidId: false, maxEnergyOnInvalidId: 10_000);

        // Not in the Before: fewer periodic meter values while hours pass on the fake clock below.
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", "3600");
        var framesBefore = sut.Connection.Frames.Count;

        // 1-4. Offline start from the cache; the CSMS finds the token Invalid once the events arrive.
        await StartOfflineThenInvalidAsync(sut);

        // No Deauthorized, no SuspendedEVSE: the transaction goes on until MaxEnergyOnInvalidId was delivered.
        await sut.AssertNotSentAsync("Deauthorized", framesBefore);
        Assert.DoesNotContain(sut.Connection.Frames.Skip(framesBefore), f => f.Text.Contains("SuspendedEVSE", StringComparison.Ordinal));
        Assert.True(sut.EnergyFlows);

        // Post-scenario: only MaxEnergyOnInvalidId more is delivered, then the EVSE suspends the energy.
        var before = await sut.Charger.Evses[0].Meter.ReadAsync(CancellationToken.None);
        sut.Time.Advance(TimeSpan.FromHours(3));
        var suspended = await ExpectChargingStateAsync(sut, ChargingStateEnumType.SuspendedEVSE);
        Assert.Equal(TriggerReasonEnumType.ChargingStateChanged, suspended.TriggerReason);
        Assert.False(sut.EnergyFlows);
        var after = await sut.Charger.Evses[0].Meter.ReadAsync(CancellationToken.None);
        Assert.True(after.EnergyActiveImportWh - before.EnergyActiveImportWh >= 10_000m);
    }

    [Fact]
    public async Task TC_C_16_CS() => await DeauthorizedAfterReconnectAsync(maxEnergyOnInvalidId: 0);

    [Fact]
    public async Task TC_C_18_CS() => await DeauthorizedAfterReconnectAsync(maxEnergyOnInvalidId: 500);

    [Fact]
    public async Task TC_C_17_CS()
    {
        await using var sut = await CachedAndConfiguredAsync(stopTxOnInvalidId: false, maxEnergyOnInvalidId: 0);
        await sut.ConfigureAsync("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");

        // 1-4. Offline start from the cache, Invalid once back; 5-6. the energy stops: SuspendedEVSE, no Deauthorized.
        await StartOfflineThenInvalidAsync(sut);
        var suspended = await ExpectChargingStateAsync(sut, ChargingStateEnumType.SuspendedEVSE);
        Assert.Equal(TransactionEventEnumType.Updated, suspended.EventType);
        Assert.NotEqual(TriggerReasonEnumType.Deauthorized, suspended.TriggerReason);
        Assert.False(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_C_26_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await ConfigureOfflineAsync(sut);
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        await sut.ConfigureAsync("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        await sut.ConfigureAsync("AuthCtrlr", "LocalAuthorizeOffline", "true");
        await sut.ConfigureAsync("TxCtrlr", "MaxEnergyOnInvalidId", "0");
        await sut.ConfigureAsync("TxCtrlr", "StopTxOnInvalidId", "false");

        // StartOfflineTransaction: offline, the EV connected and an unknown idToken shown: charging starts (C15).
        await sut.GoOfflineAsync(BackOff);
        sut.Plug();
        sut.PresentCard();
        await sut.ComeBackOnlineAsync(BackOff);

        // 1-2. The queued events all say offline; the CSMS answers the one with the idToken Invalid, and the
        // energy stops (SuspendedEVSE) while the transaction goes on (StopTxOnInvalidId false).
        var started = await sut.ExpectTransactionEventAsync(Invalid);
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.True(started.Offline);
        Assert.Equal(StationUnderTest.ValidIdToken.IdToken, started.IdToken?.IdToken);
        var suspended = await ExpectChargingStateAsync(sut, ChargingStateEnumType.SuspendedEVSE);
        Assert.Equal(started.TransactionInfo.TransactionId, suspended.TransactionInfo.TransactionId);
        Assert.False(sut.EnergyFlows);

        // Manual Action: present the idToken, unplug; 3-4. StopAuthorized.
        sut.PresentCard();
        var stopped = await sut.ExpectTransactionEventAsync(Accepted);
        Assert.Equal(TriggerReasonEnumType.StopAuthorized, stopped.TriggerReason);
        sut.Unplug();
    }

    // TC_C_16 / TC_C_18: StopTxOnInvalidId true: Invalid once back ends the authorization (Deauthorized,
    // sent online), and the energy stops; MaxEnergyOnInvalidId does not apply.
    private static async Task DeauthorizedAfterReconnectAsync(int maxEnergyOnInvalidId)
    {
        await using var sut = await CachedAndConfiguredAsync(stopTxOnInvalidId: true, maxEnergyOnInvalidId);
        await StartOfflineThenInvalidAsync(sut);

        var deauthorized = await sut.ExpectTransactionEventAsync(Invalid);
        Assert.Equal(TriggerReasonEnumType.Deauthorized, deauthorized.TriggerReason);
        Assert.Null(deauthorized.Offline);
        Assert.False(sut.EnergyFlows);
    }

    // Before: cache, LocalPreAuthorize, LocalAuthorizeOffline, the offline timing, StopTxOnInvalidId and
    // MaxEnergyOnInvalidId; reusable state EVConnectedPreSession.
    private static async Task<StationUnderTest> CachedAndConfiguredAsync(bool stopTxOnInvalidId, int maxEnergyOnInvalidId)
    {
        var sut = await StationUnderTest.StartBootedAsync();
        await sut.CacheIdTokenAsync(StationUnderTest.ValidIdToken, Accepted);
        await ConfigureOfflineAsync(sut);
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        await sut.ConfigureAsync("AuthCtrlr", "LocalAuthorizeOffline", "true");
        await sut.ConfigureAsync("TxCtrlr", "StopTxOnInvalidId", stopTxOnInvalidId ? "true" : "false");
        await sut.ConfigureAsync("TxCtrlr", "MaxEnergyOnInvalidId", $"{maxEnergyOnInvalidId}");
        await sut.EvConnectedPreSessionAsync();
        return sut;
    }

    private static async Task ConfigureOfflineAsync(StationUnderTest sut)
    {
        await sut.ConfigureAsync("OCPPCommCtrlr", "OfflineThreshold", $"{WaitMinimum + 60}");
        await sut.ConfigureAsync("OCPPCommCtrlr", "RetryBackOffWaitMinimum", $"{WaitMinimum}");
        await sut.ConfigureAsync("OCPPCommCtrlr", "RetryBackOffRandomRange", "0");
    }

    // 1. Offline; Manual Action: the cached idToken; 2. back online; 3. the queued Started (triggerReason
    // Authorized, the idToken, offline, charging); 4. answered Invalid.
    private static async Task StartOfflineThenInvalidAsync(StationUnderTest sut)
    {
        await sut.GoOfflineAsync(BackOff);
        sut.PresentCard();
        await sut.ComeBackOnlineAsync(BackOff);

        var started = await sut.ExpectTransactionEventAsync(Invalid);
        Assert.Equal((TransactionEventEnumType.Started, TriggerReasonEnumType.Authorized), (started.EventType, started.TriggerReason));
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.True(started.Offline);
        Assert.Equal(ChargingStateEnumType.Charging, started.TransactionInfo.ChargingState);
    }

    // Takes TransactionEvents (periodic meter values among them) until one reports the charging state.
    private static async Task<TransactionEventRequest> ExpectChargingStateAsync(StationUnderTest sut, ChargingStateEnumType state)
    {
        for (var taken = 0; taken < 50; taken++)
        {
            var request = await sut.ExpectTransactionEventAsync(Accepted);
            if (request.TransactionInfo.ChargingState == state)
            {
                return request;
            }
        }

        throw new Xunit.Sdk.XunitException($"no TransactionEvent with chargingState {state}");
    }
}
