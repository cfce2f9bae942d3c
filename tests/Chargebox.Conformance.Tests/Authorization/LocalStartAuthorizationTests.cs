using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Authorization;

/// <summary>C01: local start and stop authorization by the CSMS (Part 6, TC_C_02, 04, 06, 07, 56).</summary>
public sealed class LocalStartAuthorizationTests
{
    [Fact]
    public async Task TC_C_02_CS() => await RefusedAtStartAsync(StationUnderTest.InvalidIdToken, AuthorizationStatusEnumType.Invalid);

    [Fact]
    public async Task TC_C_06_CS() => await RefusedAtStartAsync(StationUnderTest.BlockedIdToken, AuthorizationStatusEnumType.Blocked);

    [Fact]
    public async Task TC_C_07_CS() => await RefusedAtStartAsync(StationUnderTest.ExpiredIdToken, AuthorizationStatusEnumType.Expired);

    [Fact]
    public async Task TC_C_56_CS() => await RefusedAtStartAsync(StationUnderTest.InvalidIdToken, AuthorizationStatusEnumType.Unknown);

    [Fact]
    public async Task TC_C_04_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.EnergyTransferStartedAsync();
        var framesBefore = sut.Connection.Frames.Count;

        // Manual Action: a different idToken; 1-2. the station asks the CSMS, which accepts it.
        sut.PresentCard(StationUnderTest.ValidIdToken2);
        await sut.ExpectAuthorizeAsync(StationUnderTest.ValidIdToken2, StationUnderTest.Info(AuthorizationStatusEnumType.Accepted));

        // No TransactionEventRequest follows (C01.FR.03: another driver's token does not stop the session).
        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);
        Assert.True(sut.EnergyFlows);
    }

    // Reusable state EVConnectedPreSession; Manual Action: present the token; 1. AuthorizeRequest with it;
    // 2. refused by the CSMS; no TransactionEventRequest follows and no energy flows.
    private static async Task RefusedAtStartAsync(IdTokenType token, AuthorizationStatusEnumType status)
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.EvConnectedPreSessionAsync();
        var framesBefore = sut.Connection.Frames.Count;

        sut.PresentCard(token);
        await sut.ExpectAuthorizeAsync(token, StationUnderTest.Info(status));

        await sut.AssertNotSentAsync("TransactionEvent", framesBefore);
        Assert.False(sut.EnergyFlows);
    }
}
