using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Authorization;

/// <summary>C09 authorization by GroupId and C16 master pass (Part 6, TC_C_39, 41, 42, 44, 45, 49).</summary>
public sealed class GroupIdAndMasterPassTests
{
    private static readonly IdTokenInfoType AcceptedInGroup = StationUnderTest.Info(AuthorizationStatusEnumType.Accepted, StationUnderTest.GroupIdToken);

    [Fact]
    public async Task TC_C_39_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.EvConnectedPreSessionAsync();

        // 1-5. Valid idToken of the group: Authorize, then the transaction starts charging.
        var transactionId = await StartInGroupAsync(sut, viaAuthorize: true);

        // 6-9. Another valid idToken of the same group: Authorize Accepted (same group) stops the session.
        sut.PresentCard(StationUnderTest.ValidIdToken2);
        await sut.ExpectAuthorizeAsync(StationUnderTest.ValidIdToken2, AcceptedInGroup);
        await ExpectStoppedAsync(sut, transactionId, ReasonEnumType.Local);

        // 10-12. EVConnectedPostSession, EVDisconnected.
        await UnplugAsync(sut);
    }

    [Fact]
    public async Task TC_C_41_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.CacheIdTokenAsync(StationUnderTest.ValidIdToken, AcceptedInGroup);
        await sut.CacheIdTokenAsync(StationUnderTest.ValidIdToken2, AcceptedInGroup);
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        var framesBefore = sut.Connection.Frames.Count;
        await sut.EvConnectedPreSessionAsync();

        // 1-3. The cached valid idToken starts the transaction without an AuthorizeRequest (C12.FR.02).
        var transactionId = await StartInGroupAsync(sut, viaAuthorize: false);

        // 4. StopAuthorized with the cached idToken2 of the same group (C09.FR.07), again without asking.
        sut.PresentCard(StationUnderTest.ValidIdToken2);
        await ExpectStoppedAsync(sut, transactionId, ReasonEnumType.Local);
        await UnplugAsync(sut);
        Assert.DoesNotContain(sut.Connection.Frames.Skip(framesBefore), f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_C_42_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.EvConnectedPreSessionAsync();
        await StartInGroupAsync(sut, viaAuthorize: true);
        var framesBefore = sut.Connection.Frames.Count;

        // 6-7. An invalid idToken of the same group: Authorize answered Invalid; the session is not stopped (C09.FR.11).
        sut.PresentCard(StationUnderTest.InvalidIdToken);
        await sut.ExpectAuthorizeAsync(StationUnderTest.InvalidIdToken, StationUnderTest.Info(AuthorizationStatusEnumType.Invalid, StationUnderTest.GroupIdToken));

        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);
        Assert.True(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_C_44_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.CacheIdTokenAsync(StationUnderTest.ValidIdToken, AcceptedInGroup);
        await sut.CacheIdTokenAsync(StationUnderTest.InvalidIdToken, StationUnderTest.Info(AuthorizationStatusEnumType.Invalid, StationUnderTest.GroupIdToken));
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        await sut.ConfigureAsync("AuthCacheCtrlr", "DisablePostAuthorize", "false");
        await sut.EvConnectedPreSessionAsync();
        await StartInGroupAsync(sut, viaAuthorize: false);
        var framesBefore = sut.Connection.Frames.Count;

        // 4-5. The cached invalid idToken is asked again (C12.FR.05) and stays Invalid: nothing stops.
        sut.PresentCard(StationUnderTest.InvalidIdToken);
        await sut.ExpectAuthorizeAsync(StationUnderTest.InvalidIdToken, StationUnderTest.Info(AuthorizationStatusEnumType.Invalid, StationUnderTest.GroupIdToken));

        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);
        Assert.True(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_C_45_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("AuthCtrlr", "MasterPassGroupId", StationUnderTest.MasterPassGroupId);
        var framesBefore = sut.Connection.Frames.Count;

        // 1-2. The master pass is authorized by the CSMS, with the master pass group.
        sut.PresentCard(StationUnderTest.MasterPassIdToken);
        await sut.ExpectAuthorizeAsync(StationUnderTest.MasterPassIdToken, MasterPass());

        // 3-4. EVConnectedPreSession; the master pass cannot start a transaction (C16.FR.03).
        await sut.EvConnectedPreSessionAsync();
        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);
        Assert.False(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_C_49_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("AuthCtrlr", "MasterPassGroupId", StationUnderTest.MasterPassGroupId);
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-2. The master pass is authorized; 3-4. every transaction ends with stoppedReason MasterPass (C16.FR.02).
        sut.PresentCard(StationUnderTest.MasterPassIdToken);
        await sut.ExpectAuthorizeAsync(StationUnderTest.MasterPassIdToken, MasterPass());
        var ended = await ExpectStoppedAsync(sut, transactionId, ReasonEnumType.MasterPass);
        Assert.True(ended.IdToken is null || (ended.IdToken.IdToken, ended.IdToken.Type) == (StationUnderTest.MasterPassIdToken.IdToken, StationUnderTest.MasterPassIdToken.Type));

        // 5-7. EVConnectedPostSession, EVDisconnected.
        await UnplugAsync(sut);
    }

    private static IdTokenInfoType MasterPass() =>
        StationUnderTest.Info(AuthorizationStatusEnumType.Accepted, new IdTokenType { IdToken = StationUnderTest.MasterPassGroupId, Type = IdTokenEnumType.Central });

    // The valid idToken of the group at the EV: with or without AuthorizeRequest, then the Started event
    // (triggerReason Authorized, the idToken), answered Accepted with the group. Returns the transactionId.
    private static async Task<string> StartInGroupAsync(StationUnderTest sut, bool viaAuthorize)
    {
        sut.PresentCard();
        if (viaAuthorize)
        {
            await sut.ExpectAuthorizeAsync(StationUnderTest.ValidIdToken, AcceptedInGroup);
        }

        var started = await sut.ExpectTransactionEventAsync(AcceptedInGroup);
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(TriggerReasonEnumType.Authorized, started.TriggerReason);
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.True(sut.EnergyFlows);
        return started.TransactionInfo.TransactionId;
    }

    // StopAuthorized: with TxStopPoint EVConnected,Authorized the transaction ends at once.
    private static async Task<TransactionEventRequest> ExpectStoppedAsync(StationUnderTest sut, string transactionId, ReasonEnumType reason)
    {
        var ended = await sut.ExpectTransactionEventAsync(AcceptedInGroup);
        Assert.Equal(transactionId, ended.TransactionInfo.TransactionId);
        Assert.Equal(TriggerReasonEnumType.StopAuthorized, ended.TriggerReason);
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(reason, ended.TransactionInfo.StoppedReason);
        Assert.False(sut.EnergyFlows);
        return ended;
    }

    private static async Task UnplugAsync(StationUnderTest sut)
    {
        sut.Unplug();
        var status = await sut.ExpectStatusNotificationAsync();
        Assert.Equal(ConnectorStatusEnumType.Available, status.ConnectorStatus);
    }
}
