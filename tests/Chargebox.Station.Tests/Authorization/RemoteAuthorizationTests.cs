using Chargebox.Protocol.Messages;
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
        await using var h = await StationHarness.StartAsync();

        // Known from an earlier answer of the CSMS (no EV yet; shown again, the pending authorization is withdrawn).
        await h.AuthorizeCardAsync();
        await h.SettleAsync();
        h.Charger.PresentToken(StationHarness.Card);
        await h.SettleAsync();
        var set = await h.Connection.CallAsync(
            new SetVariablesRequest { SetVariableData = [new SetVariableDataType { Component = new ComponentType { Name = "AuthCtrlr" }, Variable = new VariableType { Name = "DisableRemoteAuthorization" }, AttributeValue = "true" }] },
            StationHarness.Wait);
        Assert.Equal(SetVariableStatusEnumType.Accepted, Assert.Single(set.SetVariableResult).AttributeStatus);

        h.Charger.Plug(1);
        h.Charger.PresentToken(StationHarness.Card);
        var (_, started) = await h.ExpectTransactionEventAsync();
        Assert.Equal(TransactionEventEnumType.Started, started.EventType);
        Assert.Single(h.Connection.Frames, f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
    }
}
