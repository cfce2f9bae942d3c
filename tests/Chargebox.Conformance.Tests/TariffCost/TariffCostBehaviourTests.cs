using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using static Chargebox.Conformance.Tests.Harness.StationUnderTest;

namespace Chargebox.Conformance.Tests.TariffCost;

/// <summary>Block I beyond the Part 6 cases: the fallback messages of TariffCostCtrlr, Enabled, and a station
/// without tariffCost.</summary>
public sealed class TariffCostBehaviourTests
{
    [Fact]
    public async Task I03_FR_03_an_Ended_answer_without_totalCost_shows_TotalCostFallbackMessage()
    {
        await using var sut = await StartBootedAsync(WithTariffCost());
        await sut.ConfigureAsync("TariffCostCtrlr", "TotalCostFallbackMessage", "Your bill follows by mail");
        var transactionId = await sut.EnergyTransferStartedAsync();

        sut.PresentCard();
        TransactionEventRequest last;
        do
        {
            last = await sut.ExpectTransactionEventAsync(transactionId, new TransactionEventResponse());
        }
        while (last.EventType != TransactionEventEnumType.Ended);

        var shown = await sut.CostShownAsync(transactionId, c => c.Final);
        Assert.Equal((null, "Your bill follows by mail"), (shown.Cost, shown.CostMessage));
    }

    [Fact]
    public async Task Without_a_personal_message_the_tariff_is_TariffFallbackMessage()
    {
        await using var sut = await StartBootedAsync(WithTariffCost());
        await sut.ConfigureAsync("TariffCostCtrlr", "TariffFallbackMessage", "0.30 EUR/kWh");

        var transactionId = await sut.EnergyTransferStartedAsync();

        Assert.Equal("0.30 EUR/kWh", (await sut.CostShownAsync(transactionId, c => c.Tariff is not null)).Tariff);
    }

    [Fact]
    public async Task With_Enabled_Cost_false_CostUpdated_shows_no_cost()
    {
        await using var sut = await StartBootedAsync(WithTariffCost());
        var set = await sut.Connection.CallAsync(
            new SetVariablesRequest
            {
                SetVariableData = [new SetVariableDataType { Component = new ComponentType { Name = "TariffCostCtrlr" }, Variable = new VariableType { Name = "Enabled", Instance = "Cost" }, AttributeValue = "false" }],
            },
            StationUnderTest.Timeout);
        Assert.Equal(SetVariableStatusEnumType.Accepted, set.SetVariableResult[0].AttributeStatus);
        var transactionId = await sut.EnergyTransferStartedAsync();

        await sut.Connection.CallAsync(new CostUpdatedRequest { TotalCost = ConfiguredCost2, TransactionId = transactionId }, StationUnderTest.Timeout);

        Assert.Null((await sut.CostShownAsync(transactionId, _ => true)).Cost);
    }

    [Fact]
    public async Task A_station_without_tariffCost_answers_CostUpdated_with_CALLERROR_NotSupported()
    {
        await using var sut = await StartBootedAsync(WithDisplay());

        var outcome = await sut.Connection.CallAsync("CostUpdated", new { totalCost = 1.5m, transactionId = "tx" }, StationUnderTest.Timeout);

        Assert.Equal("NotSupported", outcome.ErrorCode);
        Assert.Null((await sut.Station.GetStatusAsync(CancellationToken.None)).Cost);
    }
}
