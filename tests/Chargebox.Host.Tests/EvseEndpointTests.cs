using System.Net;
using static Chargebox.Host.Tests.HostHarness;

namespace Chargebox.Host.Tests;

public sealed class EvseEndpointTests
{
    [Fact]
    public async Task Plug_and_unplug_make_the_station_report_Occupied_then_Available()
    {
        await using var host = await StartAsync();
        var since = DateTimeOffset.UtcNow;
        using var plug = await host.PostAsync("api/evses/1/plug");
        Assert.Equal(HttpStatusCode.NoContent, plug.StatusCode);
        var occupied = await host.ExpectStatusAsync("Occupied", since);

        using var unplug = await host.PostAsync("api/evses/1/unplug");
        Assert.Equal(HttpStatusCode.NoContent, unplug.StatusCode);
        await host.ExpectStatusAsync("Available", occupied.Timestamp);
        Assert.False(host.Station.Charger.GetStatus(1).Plugged);
    }

    [Fact]
    public async Task Plug_and_unplug_refuse_unknown_evses_bad_ids_and_impossible_moves()
    {
        await using var host = await StartAsync();
        await AssertErrorAsync(HttpStatusCode.NotFound, await host.PostAsync("api/evses/7/plug"), "EVSE 7");
        await AssertErrorAsync(HttpStatusCode.NotFound, await host.PostAsync("api/evses/7/unplug"), "EVSE 7");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/evses/one/plug"), "'one' is not a positive integer");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/evses/0/plug"), "not a positive integer");
        // Nothing is plugged in: the simulator says so.
        using var unplug = await host.PostAsync("api/evses/1/unplug");
        Assert.Equal(HttpStatusCode.BadRequest, unplug.StatusCode);
        Assert.NotEmpty(await ErrorOf(unplug));
    }

    [Fact]
    public async Task Ev_charging_sets_the_EVs_demand_and_refuses_bad_requests()
    {
        await using var host = await StartAsync();
        using var plug = await host.PostAsync("api/evses/1/plug");
        Assert.True(host.Station.Charger.GetStatus(1).EvDemanding);

        using var suspend = await host.PostAsync("api/evses/1/ev", """{ "charging": false }""");
        Assert.Equal(HttpStatusCode.NoContent, suspend.StatusCode);
        Assert.False(host.Station.Charger.GetStatus(1).EvDemanding);

        using var resume = await host.PostAsync("api/evses/1/ev", """{ "charging": true }""");
        Assert.Equal(HttpStatusCode.NoContent, resume.StatusCode);
        Assert.True(host.Station.Charger.GetStatus(1).EvDemanding);

        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/evses/1/ev", "{}"), "'charging'");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/evses/1/ev", """{ "charging": "yes" }"""), "not valid JSON");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/evses/1/ev", """{ "charge": true }"""), "not valid JSON");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/evses/1/ev", "{"), "not valid JSON");
        await AssertErrorAsync(HttpStatusCode.NotFound, await host.PostAsync("api/evses/2/ev", """{ "charging": true }"""), "EVSE 2");
    }

    [Fact]
    public async Task Ev_charging_without_an_EV_is_400()
    {
        await using var host = await StartAsync();
        using var response = await host.PostAsync("api/evses/1/ev", """{ "charging": true }""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await ErrorOf(response));
    }

    [Fact]
    public async Task Fault_makes_the_station_report_Faulted_and_repair_Available()
    {
        await using var host = await StartAsync();
        var since = DateTimeOffset.UtcNow;
        using var fault = await host.PostAsync("api/evses/1/fault", """{ "faulted": true }""");
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        var faulted = await host.ExpectStatusAsync("Faulted", since);

        using var repair = await host.PostAsync("api/evses/1/fault", """{ "faulted": false }""");
        Assert.Equal(HttpStatusCode.NoContent, repair.StatusCode);
        await host.ExpectStatusAsync("Available", faulted.Timestamp);
    }

    [Fact]
    public async Task Fault_refuses_missing_fields_and_unknown_evses_or_connectors()
    {
        await using var host = await StartAsync();
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/evses/1/fault", "{}"), "'faulted'");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/evses/1/fault"), "not valid JSON");
        await AssertErrorAsync(HttpStatusCode.NotFound, await host.PostAsync("api/evses/3/fault", """{ "faulted": true }"""), "EVSE 3");
        await AssertErrorAsync(HttpStatusCode.NotFound, await host.PostAsync("api/evses/1/fault", """{ "faulted": true, "connectorId": 2 }"""), "connector 2");
    }
}
