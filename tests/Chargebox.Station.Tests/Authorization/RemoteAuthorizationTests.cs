using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;
using Chargebox.Station.Tests.Transactions;

namespace Chargebox.Station.Tests.Authorization;

/// <summary>AuthCtrlr.DisableRemoteAuthorization (C-58) on an online station: tokens are decided from what
/// the station knows, never with an AuthorizeRequest.</summary>
public sealed class RemoteAuthorizationTests
{
    [Fact]
    public async Task C58_DisableRemoteAuthorization_UnknownTokenRefusedWithoutAskingTheCsms()
    {
        await using var h = await StationHarness.StartAsync(("AuthCtrlr", "DisableRemoteAuthorization", "true"));
        h.Charger.Plug(1);
        h.Charger.PresentToken(StationHarness.Card);
        await h.SettleAsync();

        Assert.Null((await h.StatusAsync()).Evses[0].Transaction);
        Assert.DoesNotContain(h.Connection.Frames, f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task C58_DisableRemoteAuthorization_CachedTokenStartsWithoutAskingTheCsms()
    {
        await using var h = await StationHarness.StartAsync(("AuthCtrlr", "DisableRemoteAuthorization", "true"));

        // Known from an earlier answer of the CSMS, kept in the persistent cache.
        await h.Store.AuthorizationCache.SaveAsync(
            new AuthorizationCacheEntry(StationHarness.Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, h.Time.GetUtcNow()),
            CancellationToken.None);
        h.Charger.Plug(1);
        h.Charger.PresentToken(StationHarness.Card);

        var (_, started) = await h.ExpectTransactionEventAsync();
        Assert.Equal((TransactionEventEnumType.Started, TriggerReasonEnumType.Authorized), (started.EventType, started.TriggerReason));
        Assert.DoesNotContain(h.Connection.Frames, f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
    }
}
