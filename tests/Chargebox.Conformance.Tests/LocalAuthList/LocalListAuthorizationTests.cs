using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.LocalAuthList;

/// <summary>C14 online authorization through the Local Authorization List and C09 groups from the list
/// (Part 6, TC_C_27-31, TC_C_58, TC_C_40, TC_C_43), on a station profile with the list.</summary>
public sealed class LocalListAuthorizationTests
{
    private static readonly IdTokenInfoType Accepted = StationUnderTest.Info(AuthorizationStatusEnumType.Accepted);
    private static readonly IdTokenInfoType AcceptedInGroup = StationUnderTest.Info(AuthorizationStatusEnumType.Accepted, StationUnderTest.GroupIdToken);

    [Fact]
    public async Task TC_C_27_CS()
    {
        await using var sut = await ListedAsync(StationUnderTest.ListEntry(StationUnderTest.ValidIdToken, AuthorizationStatusEnumType.Accepted));
        var framesBefore = sut.Connection.Frames.Count;

        // Manual Action: the listed valid idToken; authorized from the list without an AuthorizeRequest (C14.FR.02).
        // With TxStartPoint PowerPathClosed step 1 does not apply before the EV is there (as TC_C_13).
        sut.PresentCard();
        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);

        // 3-4. EVConnectedPreSession, EnergyTransferStarted: the transaction starts with the idToken.
        sut.Plug();
        var started = await sut.ExpectTransactionEventAsync(Accepted);
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.True(sut.EnergyFlows);
        Assert.DoesNotContain(sut.Connection.Frames.Skip(framesBefore), f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TC_C_28_CS() => await ListedRefusalAskedAgainAsync(StationUnderTest.InvalidIdToken, AuthorizationStatusEnumType.Invalid, evConnected: false);

    [Fact]
    public async Task TC_C_29_CS() => await ListedRefusalAskedAgainAsync(StationUnderTest.BlockedIdToken, AuthorizationStatusEnumType.Blocked, evConnected: true);

    [Fact]
    public async Task TC_C_30_CS() => await ListedRefusalAskedAgainAsync(StationUnderTest.ExpiredIdToken, AuthorizationStatusEnumType.Expired, evConnected: true);

    [Fact]
    public async Task TC_C_31_CS()
    {
        await using var sut = await ListedAsync(StationUnderTest.ListEntry(StationUnderTest.InvalidIdToken, AuthorizationStatusEnumType.Invalid));
        await sut.ConfigureAsync("LocalAuthListCtrlr", "DisablePostAuthorize", "false");

        // 1. Authorized: the listed Invalid idToken is asked (C14.FR.03), the CSMS accepts it.
        sut.PresentCard(StationUnderTest.InvalidIdToken);
        await sut.ExpectAuthorizeAsync(StationUnderTest.InvalidIdToken, Accepted);

        // 2-3. EVConnectedPreSession, EnergyTransferStarted; post-scenario: energy is transferred.
        sut.Plug();
        var started = await sut.ExpectTransactionEventAsync(Accepted);
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Equal(StationUnderTest.InvalidIdToken.IdToken, started.IdToken?.IdToken);
        Assert.True(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_C_58_CS()
    {
        await using var sut = await ListedAsync(StationUnderTest.ListEntry(StationUnderTest.InvalidIdToken, AuthorizationStatusEnumType.Invalid));
        await sut.ConfigureAsync("LocalAuthListCtrlr", "DisablePostAuthorize", "true");
        await sut.EvConnectedPreSessionAsync();
        var framesBefore = sut.Connection.Frames.Count;

        // 1. No AuthorizeRequest, and the authorization is refused: nothing starts.
        sut.PresentCard(StationUnderTest.InvalidIdToken);
        await sut.AssertNotSentAsync("Authorize", framesBefore);
        Assert.DoesNotContain(sut.Connection.Frames.Skip(framesBefore), f => f.Text.Contains("\"TransactionEvent\"", StringComparison.Ordinal));
        Assert.False(sut.EnergyFlows);
    }

    [Fact]
    public async Task TC_C_40_CS()
    {
        await using var sut = await ListedAsync(
            StationUnderTest.ListEntry(StationUnderTest.ValidIdToken, AuthorizationStatusEnumType.Accepted, StationUnderTest.GroupIdToken),
            StationUnderTest.ListEntry(StationUnderTest.ValidIdToken2, AuthorizationStatusEnumType.Accepted, StationUnderTest.GroupIdToken));
        var framesBefore = sut.Connection.Frames.Count;
        await sut.EvConnectedPreSessionAsync();

        // 1-3. The listed valid idToken starts the transaction, answered Accepted with the group.
        var transactionId = await StartInGroupAsync(sut);

        // 4. The listed idToken2 of the same group stops it (C09.FR.07), without an AuthorizeRequest.
        sut.PresentCard(StationUnderTest.ValidIdToken2);
        var ended = await sut.ExpectTransactionEventAsync(AcceptedInGroup);
        Assert.Equal((transactionId, TriggerReasonEnumType.StopAuthorized), (ended.TransactionInfo.TransactionId, ended.TriggerReason));
        Assert.False(sut.EnergyFlows);
        Assert.DoesNotContain(sut.Connection.Frames.Skip(framesBefore), f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));

        // 5-7. EVConnectedPostSession, EVDisconnected.
        sut.Unplug();
        Assert.Equal(ConnectorStatusEnumType.Available, (await sut.ExpectStatusNotificationAsync()).ConnectorStatus);
    }

    [Fact]
    public async Task TC_C_43_CS()
    {
        await using var sut = await ListedAsync(
            StationUnderTest.ListEntry(StationUnderTest.ValidIdToken, AuthorizationStatusEnumType.Accepted, StationUnderTest.GroupIdToken),
            StationUnderTest.ListEntry(StationUnderTest.InvalidIdToken, AuthorizationStatusEnumType.Invalid, StationUnderTest.GroupIdToken));
        await sut.EvConnectedPreSessionAsync();

        // 1-3. The listed valid idToken starts the transaction.
        await StartInGroupAsync(sut);
        var framesBefore = sut.Connection.Frames.Count;

        // 4-5. The listed invalid idToken of the group is asked (C14.FR.03), stays Invalid: nothing stops.
        sut.PresentCard(StationUnderTest.InvalidIdToken);
        await sut.ExpectAuthorizeAsync(StationUnderTest.InvalidIdToken, StationUnderTest.Info(AuthorizationStatusEnumType.Invalid, StationUnderTest.GroupIdToken));
        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);
        Assert.True(sut.EnergyFlows);
    }

    // Before: LocalAuthListEnabled, LocalPreAuthorize true; Memory: the entries in the Local Authorization List.
    private static async Task<StationUnderTest> ListedAsync(params AuthorizationData[] entries)
    {
        var sut = await StationUnderTest.StartBootedWithLocalAuthListAsync();
        await sut.IdTokenLocalAuthListAsync(entries);
        await sut.ConfigureAsync("AuthCtrlr", "LocalPreAuthorize", "true");
        return sut;
    }

    // TC_C_28-30: a listed token that is not Accepted is asked again (C14.FR.03, DisablePostAuthorize false);
    // the CSMS refuses it too and nothing starts.
    private static async Task ListedRefusalAskedAgainAsync(IdTokenType token, AuthorizationStatusEnumType status, bool evConnected)
    {
        await using var sut = await ListedAsync(StationUnderTest.ListEntry(token, status));
        await sut.ConfigureAsync("LocalAuthListCtrlr", "DisablePostAuthorize", "false");
        if (evConnected)
        {
            await sut.EvConnectedPreSessionAsync();
        }

        var framesBefore = sut.Connection.Frames.Count;

        // 1-2. AuthorizeRequest with the listed idToken, answered with its status.
        sut.PresentCard(token);
        await sut.ExpectAuthorizeAsync(token, StationUnderTest.Info(status));
        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);
        Assert.False(sut.EnergyFlows);
    }

    // The listed valid idToken at the connected EV: Started (triggerReason Authorized, the idToken) without an
    // AuthorizeRequest, answered Accepted with the group. Returns the transactionId.
    private static async Task<string> StartInGroupAsync(StationUnderTest sut)
    {
        sut.PresentCard();
        var started = await sut.ExpectTransactionEventAsync(AcceptedInGroup);
        Assert.Equal((TransactionEventEnumType.Started, TriggerReasonEnumType.Authorized), (started.EventType, started.TriggerReason));
        Assert.Equal((StationUnderTest.ValidIdToken.IdToken, StationUnderTest.ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.True(sut.EnergyFlows);
        return started.TransactionInfo.TransactionId;
    }
}
