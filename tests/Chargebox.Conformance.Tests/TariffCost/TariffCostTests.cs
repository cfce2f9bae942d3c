using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using static Chargebox.Conformance.Tests.Harness.StationUnderTest;

namespace Chargebox.Conformance.Tests.TariffCost;

/// <summary>I02 and I03: the running cost and the total cost shown to the driver (Part 6 TC_I_01, TC_I_02,
/// TC_I_07). "The cost is displayed" is asserted on StationStatus.Cost.</summary>
public sealed class TariffCostTests
{
    [Fact]
    public async Task TC_I_01_CS()
    {
        await using var sut = await StartBootedAsync(WithTariffCost());
        var transactionId = await AuthorizedWithTariffAsync(sut);

        // 6-9, twice: an Updated event answered with the tariff, then CostUpdated with the running cost (I02.FR.02).
        for (var round = 1; round <= 2; round++)
        {
            sut.Time.Advance(TimeSpan.FromSeconds(60));
            await sut.ExpectTransactionEventAsync(transactionId, new TransactionEventResponse { UpdatedPersonalMessage = CostMessage($"{ConfiguredCost} ({round})") });
            await sut.CostShownAsync(transactionId, c => c.Tariff == $"{ConfiguredCost} ({round})");

            var cost = ConfiguredCost2 * round;
            await sut.Connection.CallAsync(new CostUpdatedRequest { TotalCost = cost, TransactionId = transactionId }, StationUnderTest.Timeout);
            var shown = await sut.CostShownAsync(transactionId, c => c.Cost == cost);
            Assert.Equal((cost, "EUR", false), (shown.Cost, shown.Currency, shown.Final));
        }
    }

    [Fact]
    public async Task TC_I_02_CS()
    {
        await using var sut = await StartBootedAsync(WithTariffCost());
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1. StopAuthorized: the Ended event's answer carries the total cost (I03.FR.01).
        sut.PresentCard();
        TransactionEventRequest last;
        do
        {
            last = await sut.ExpectTransactionEventAsync(transactionId, new TransactionEventResponse { TotalCost = ConfiguredCost2 });
        }
        while (last.EventType != TransactionEventEnumType.Ended);

        var shown = await sut.CostShownAsync(transactionId, c => c.Final);
        Assert.Equal((ConfiguredCost2, "EUR", true), (shown.Cost, shown.Currency, shown.Final));

        // 3. EVDisconnected: the total stays on the display until the next transaction.
        await sut.EvDisconnectedAsync();
        Assert.Equal(ConfiguredCost2, (await sut.CostShownAsync(transactionId, c => c.Final)).Cost);
    }

    [Fact]
    public async Task TC_I_07_CS()
    {
        await using var sut = await StartBootedAsync(WithTariffCost());
        var transactionId = await AuthorizedWithTariffAsync(sut);

        // 6-9, twice: an Updated event answered with the tariff, the next one with the running cost (I02.FR.02).
        for (var round = 1; round <= 2; round++)
        {
            sut.Time.Advance(TimeSpan.FromSeconds(60));
            await sut.ExpectTransactionEventAsync(transactionId, new TransactionEventResponse { UpdatedPersonalMessage = CostMessage($"{ConfiguredCost} ({round})") });
            await sut.CostShownAsync(transactionId, c => c.Tariff == $"{ConfiguredCost} ({round})");

            var cost = ConfiguredCost2 * round;
            sut.Time.Advance(TimeSpan.FromSeconds(60));
            await sut.ExpectTransactionEventAsync(transactionId, new TransactionEventResponse { TotalCost = cost });
            var shown = await sut.CostShownAsync(transactionId, c => c.Cost == cost);
            Assert.Equal((cost, false), (shown.Cost, shown.Final));
        }
    }

    [Fact]
    public async Task CostUpdated_of_an_unknown_transaction_is_answered_and_shows_nothing()
    {
        await using var sut = await StartBootedAsync(WithTariffCost());

        await sut.Connection.CallAsync(new CostUpdatedRequest { TotalCost = ConfiguredCost2, TransactionId = "no-such-transaction" }, StationUnderTest.Timeout);

        var cost = (await sut.Station.GetStatusAsync(CancellationToken.None)).Cost;
        Assert.NotNull(cost);
        Assert.Empty(cost);
    }

    /// <summary>Steps 1-5: EVConnectedPreSession, the card presented, Authorize answered Accepted with the
    /// configured cost as personal message, the Started event (triggerReason Authorized, the idToken) answered
    /// Accepted; charging. The tariff of the AuthorizeResponse is shown for the transaction.</summary>
    private static async Task<string> AuthorizedWithTariffAsync(StationUnderTest sut)
    {
        await sut.EvConnectedPreSessionAsync();
        sut.PresentCard();
        await sut.ExpectAuthorizeAsync(ValidIdToken, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted, PersonalMessage = CostMessage() });
        var started = await sut.ExpectTransactionEventAsync(Info(AuthorizationStatusEnumType.Accepted));
        Assert.Equal((TransactionEventEnumType.Started, TriggerReasonEnumType.Authorized), (started.EventType, started.TriggerReason));
        Assert.Equal((ValidIdToken.IdToken, ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.True(sut.EnergyFlows);

        var transactionId = started.TransactionInfo.TransactionId;
        Assert.Equal(ConfiguredCost, (await sut.CostShownAsync(transactionId, c => c.Tariff is not null)).Tariff);
        return transactionId;
    }
}
