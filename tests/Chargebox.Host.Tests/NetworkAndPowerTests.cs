using System.Net;
using System.Text.Json;
using Chargebox.Protocol.Messages;
using static Chargebox.Host.Tests.HostHarness;

namespace Chargebox.Host.Tests;

public sealed class NetworkAndPowerTests
{
    [Fact]
    public async Task Network_off_drops_the_connection_and_network_on_brings_the_station_back()
    {
        await using var host = await StartAsync();
        using var off = await host.PostAsync("api/network", """{ "online": false }""");
        Assert.Equal(HttpStatusCode.NoContent, off.StatusCode);

        var disconnect = await host.Connection.WaitForDisconnectAsync(Wait);
        Assert.False(disconnect.WasClean);
        Assert.False(await ConnectedAsync(host));

        using var on = await host.PostAsync("api/network", """{ "online": true }""");
        Assert.Equal(HttpStatusCode.NoContent, on.StatusCode);
        host.Connection = await host.Csms.WaitForConnectionAsync(Identity, Wait);
        // Already registered: a reconnect is no new boot (Part 4, 5.3); the station keeps serving the CSMS.
        var reply = await host.Connection.CallAsync(new GetVariablesRequest
        {
            GetVariableData = [new GetVariableDataType { Component = new ComponentType { Name = "OCPPCommCtrlr" }, Variable = new VariableType { Name = "HeartbeatInterval" } }],
        }, Wait);
        Assert.Equal(GetVariableStatusEnumType.Accepted, Assert.Single(reply.GetVariableResult).AttributeStatus);
        Assert.DoesNotContain(host.Connection.Frames, f => f.Text.Contains("\"BootNotification\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Network_refuses_a_body_without_online()
    {
        await using var host = await StartAsync();
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/network", "{}"), "'online'");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/network", """{ "online": 1 }"""), "not valid JSON");
        Assert.True(host.Connection.IsConnected);
    }

    [Fact]
    public async Task Power_cycle_drops_the_connection_and_boots_again_with_reason_PowerUp()
    {
        await using var host = await StartAsync();
        using var response = await host.PostAsync("api/power-cycle");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        Assert.False((await host.Connection.WaitForDisconnectAsync(Wait)).WasClean);
        host.Connection = await host.Csms.WaitForConnectionAsync(Identity, Wait);
        await host.Connection.ExpectFrameAsync(
            f => f.Direction == Testing.Csms.FrameDirection.FromStation && f.Text.Contains("\"BootNotification\"", StringComparison.Ordinal)
                && f.Text.Contains("\"reason\":\"PowerUp\"", StringComparison.Ordinal),
            Wait);
    }

    [Fact]
    public async Task Power_cycle_keeps_what_the_station_persisted()
    {
        await using var host = await StartAsync();
        var set = await host.Connection.CallAsync(new SetVariablesRequest
        {
            SetVariableData = [new SetVariableDataType { Component = new ComponentType { Name = "OCPPCommCtrlr" }, Variable = new VariableType { Name = "OfflineThreshold" }, AttributeValue = "123" }],
        }, Wait);
        Assert.Equal(SetVariableStatusEnumType.Accepted, Assert.Single(set.SetVariableResult).AttributeStatus);

        using var response = await host.PostAsync("api/power-cycle");
        host.Connection = await host.Csms.WaitForConnectionAsync(Identity, Wait);
        await host.ExpectStatusAsync("Available", DateTimeOffset.MinValue);
        var get = await host.Connection.CallAsync(new GetVariablesRequest
        {
            GetVariableData = [new GetVariableDataType { Component = new ComponentType { Name = "OCPPCommCtrlr" }, Variable = new VariableType { Name = "OfflineThreshold" } }],
        }, Wait);
        Assert.Equal("123", Assert.Single(get.GetVariableResult).AttributeValue);
    }

    [Fact]
    public async Task Reset_from_the_CSMS_restarts_the_station_with_reason_RemoteReset()
    {
        await using var host = await StartAsync();
        var reset = await host.Connection.CallAsync(new ResetRequest { Type = ResetEnumType.Immediate }, Wait);
        Assert.Equal(ResetStatusEnumType.Accepted, reset.Status);

        Assert.True((await host.Connection.WaitForDisconnectAsync(Wait)).WasClean);
        host.Connection = await host.Csms.WaitForConnectionAsync(Identity, Wait);
        await host.Connection.ExpectFrameAsync(
            f => f.Direction == Testing.Csms.FrameDirection.FromStation && f.Text.Contains("\"BootNotification\"", StringComparison.Ordinal)
                && f.Text.Contains("\"reason\":\"RemoteReset\"", StringComparison.Ordinal),
            Wait);
    }

    private static async Task<bool> ConnectedAsync(HostHarness host)
    {
        // The station learns of the loss on its loop just after the socket drops.
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (true)
        {
            using var response = await host.Http.GetAsync("api/status");
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var connected = document.RootElement.GetProperty("connected").GetBoolean();
            if (!connected || DateTimeOffset.UtcNow > deadline)
            {
                return connected;
            }

            await Task.Delay(50);
        }
    }
}
