using System.Net;
using System.Text.Json;

namespace Chargebox.Host.Tests;

public sealed class StatusEndpointTests
{
    [Fact]
    public async Task Status_shows_the_booted_station_its_connectors_and_meter()
    {
        await using var host = await HostHarness.StartAsync();
        // The CSMS answers the boot Accepted; the status is read after it was sent.
        using var response = await host.Http.GetAsync("api/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        Assert.Equal(HostHarness.Identity, root.GetProperty("stationId").GetString());
        Assert.True(root.GetProperty("connected").GetBoolean());
        Assert.Equal("Accepted", root.GetProperty("registration").GetString());
        var evse = Assert.Single(root.GetProperty("evses").EnumerateArray());
        Assert.Equal(1, evse.GetProperty("id").GetInt32());
        var connector = Assert.Single(evse.GetProperty("connectors").EnumerateArray());
        Assert.Equal(1, connector.GetProperty("id").GetInt32());
        Assert.Equal("Available", connector.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, evse.GetProperty("transaction").ValueKind);
        var meter = evse.GetProperty("meter");
        Assert.Equal(0m, meter.GetProperty("energyWh").GetDecimal());
        Assert.Equal(0m, meter.GetProperty("powerW").GetDecimal());
        Assert.Equal(0m, meter.GetProperty("currentA").GetDecimal());
        Assert.Equal(230m, meter.GetProperty("voltageV").GetDecimal());
    }

    [Fact]
    public async Task Status_follows_the_connector_after_plugging_in()
    {
        await using var host = await HostHarness.StartAsync();
        var since = DateTimeOffset.UtcNow;
        using var plug = await host.PostAsync("api/evses/1/plug");
        await host.ExpectStatusAsync("Occupied", since);

        using var response = await host.Http.GetAsync("api/status");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var connector = document.RootElement.GetProperty("evses")[0].GetProperty("connectors")[0];
        Assert.Equal("Occupied", connector.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        await using var host = await HostHarness.StartAsync();
        using var response = await host.Http.GetAsync("api/nothing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
