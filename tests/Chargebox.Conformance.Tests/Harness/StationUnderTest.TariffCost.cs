using Chargebox.Protocol.Messages;
using Chargebox.Station;
using Chargebox.Station.Profiles;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>Functional block I: the reference station with a display and tariffCost in its profile (the reference
/// station has neither), the OCTT's configured costs, and what the display shows of them.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>&lt;Configured Cost&gt;: the tariff text of the personal message.</summary>
    public const string ConfiguredCost = "0.25 EUR/kWh";

    /// <summary>&lt;Configured Cost2&gt;: a running total cost.</summary>
    public const decimal ConfiguredCost2 = 3.75m;

    /// <summary>The reference station with a display (10 messages) that shows tariff and cost.</summary>
    public static StationUnderTestSetup WithTariffCost() => new()
    {
        Station = options =>
        {
            var profile = StationProfile.Reference;
            profile.Display = new DisplayProfile();
            profile.TariffCost = true;
            return options with { Profile = profile };
        },
    };

    /// <summary>A personal message with the configured cost.</summary>
    public static MessageContentType CostMessage(string content = ConfiguredCost) => new() { Format = MessageFormatEnumType.UTF8, Content = content };

    /// <summary>Takes the next TransactionEventRequest, checks it belongs to <paramref name="transactionId"/>, and
    /// answers it with <paramref name="answer"/>.</summary>
    public async Task<TransactionEventRequest> ExpectTransactionEventAsync(string transactionId, TransactionEventResponse answer)
    {
        var call = await Connection.ExpectCallAsync<TransactionEventRequest>(Timeout);
        Assert.Equal(transactionId, call.Request.TransactionInfo.TransactionId);
        await Connection.ReplyAsync(call, answer);
        return call.Request;
    }

    /// <summary>What the display shows of the transaction's tariff and cost once <paramref name="shows"/> holds:
    /// an answer reaches the station's loop a moment after the CSMS sent it (polled, wall clock, bounded).</summary>
    public async Task<CostShown> CostShownAsync(string? transactionId, Func<CostShown, bool> shows)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var status = await Station.GetStatusAsync(CancellationToken.None).WaitAsync(Timeout);
            var shown = status.Cost?.FirstOrDefault(c => c.TransactionId == transactionId);
            if ((shown is not null && shows(shown)) || DateTime.UtcNow > deadline)
            {
                Assert.NotNull(shown);
                return shown;
            }

            await Task.Delay(10);
        }
    }
}
