using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Tests.Transactions;

/// <summary>How transactions meet the other blocks: Reset (B11/B12) and ChangeAvailability (G03).</summary>
public sealed class TransactionInteractionTests
{
    [Fact]
    public async Task B11_ResetImmediate_EndsTheTransactionWithImmediateResetBeforeRebooting()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        var (_, started) = await h.ExpectTransactionEventAsync();

        var reset = await h.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.Immediate }, StationHarness.Wait);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);

        var (_, ended) = await h.ExpectTransactionEventAsync();
        Assert.Equal(started.TransactionInfo.TransactionId, ended.TransactionInfo.TransactionId);
        Assert.Equal(TransactionEventEnumType.Ended, ended.EventType);
        Assert.Equal(TriggerReasonEnumType.ResetCommand, ended.TriggerReason);
        Assert.Equal(ReasonEnumType.ImmediateReset, ended.TransactionInfo.StoppedReason);
        await h.SettleAsync();
        Assert.Single(h.Charger.RebootRequests);
    }

    [Fact]
    public async Task B12_ResetOnIdle_WaitsForTheTransactionToEnd()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        await h.ExpectTransactionEventAsync();

        var reset = await h.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.OnIdle }, StationHarness.Wait);
        Assert.Equal(ResetStatusEnumType.Scheduled, reset.Status);
        await h.SettleAsync();
        Assert.Empty(h.Charger.RebootRequests);

        h.Charger.Unplug(1);
        await h.ExpectTransactionEventAsync();
        await h.SettleAsync();
        Assert.Single(h.Charger.RebootRequests);
    }

    [Fact]
    public async Task G03_InoperativeDuringTransaction_ScheduledThenUnavailableWhenItEnds()
    {
        await using var h = await StationHarness.StartAsync();
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        await h.ExpectTransactionEventAsync();

        var change = await h.Connection.CallAsync(new ChangeAvailabilityRequest { OperationalStatus = OperationalStatusEnumType.Inoperative }, StationHarness.Wait);
        Assert.Equal(ChangeAvailabilityStatusEnumType.Scheduled, change.Status);
        Assert.Equal(ConnectorStatusEnumType.Occupied, (await h.StatusAsync()).Evses[0].Connectors[0].Status);

        h.Charger.Unplug(1);
        await h.ExpectTransactionEventAsync();
        Assert.Equal(ConnectorStatusEnumType.Unavailable, (await h.StatusAsync()).Evses[0].Connectors[0].Status);
    }
}
