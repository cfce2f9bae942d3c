using System.Text.Json;
using Chargebox.Host.Control;
using Chargebox.Protocol.Messages;
using Chargebox.Station;

namespace Chargebox.Host.Tests;

/// <summary>The status document's <c>display</c>: what the station's display shows, or null without a display.</summary>
public sealed class DisplayStatusDocumentTests
{
    [Fact]
    public void The_status_document_lists_the_displayed_messages_front_first()
    {
        var status = new StationStatus("CS1", true, RegistrationStatusEnumType.Accepted, [],
            [new DisplayedMessage(7, MessagePriorityEnumType.InFront, MessageFormatEnumType.ASCII, "Welcome", "tx-1"), new DisplayedMessage(3, MessagePriorityEnumType.NormalCycle, MessageFormatEnumType.UTF8, "Hallo", null)]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(StatusDocuments.From(status, []), ControlJsonContext.Default.StatusDocument));

        var shown = json.RootElement.GetProperty("display").EnumerateArray().ToList();
        Assert.Equal(2, shown.Count);
        Assert.Equal((7, "InFront", "ASCII", "Welcome", "tx-1"), (shown[0].GetProperty("id").GetInt32(), shown[0].GetProperty("priority").GetString(), shown[0].GetProperty("format").GetString(), shown[0].GetProperty("content").GetString(), shown[0].GetProperty("transactionId").GetString()));
        Assert.Equal(3, shown[1].GetProperty("id").GetInt32());
    }

    [Fact]
    public void A_station_without_a_display_shows_null()
    {
        var status = new StationStatus("CS1", true, RegistrationStatusEnumType.Accepted, []);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(StatusDocuments.From(status, []), ControlJsonContext.Default.StatusDocument));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("display").ValueKind);
    }

    [Fact]
    public void The_status_document_shows_the_cost_of_block_I_and_null_without_tariffCost()
    {
        var status = new StationStatus("CS1", true, RegistrationStatusEnumType.Accepted, [], [], [new CostShown("tx-1", "0.25 EUR/kWh", 3.75m, "EUR", true, null)]);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(StatusDocuments.From(status, []), ControlJsonContext.Default.StatusDocument));
        using var without = JsonDocument.Parse(JsonSerializer.Serialize(StatusDocuments.From(new StationStatus("CS1", true, RegistrationStatusEnumType.Accepted, []), []), ControlJsonContext.Default.StatusDocument));

        var cost = Assert.Single(json.RootElement.GetProperty("cost").EnumerateArray().ToList());
        Assert.Equal(("tx-1", "0.25 EUR/kWh", 3.75m, "EUR", true), (cost.GetProperty("transactionId").GetString(), cost.GetProperty("tariff").GetString(), cost.GetProperty("cost").GetDecimal(), cost.GetProperty("currency").GetString(), cost.GetProperty("final").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, without.RootElement.GetProperty("cost").ValueKind);
    }
}
