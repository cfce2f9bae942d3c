using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chargebox.Host.Control;
using Chargebox.Host.Runtime;
using Chargebox.Protocol.Messages;
using Chargebox.Station;
using Chargebox.Station.Profiles;
using Chargebox.Storage;
using Chargebox.Testing.Csms;

namespace Chargebox.Host.Tests;

/// <summary>A station on simulated hardware with its control API, connected to the test CSMS and booted.</summary>
internal sealed class HostHarness : IAsyncDisposable
{
    public const string Identity = "CB-HOST-1";

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>The reference station, reconnecting 1 s after a loss so that network tests stay short.</summary>
    public static readonly StationProfile Profile = StationProfile.Reference with
    {
        Variables =
        [
            new VariableOverride { Component = "OCPPCommCtrlr", Variable = "RetryBackOffWaitMinimum", Value = "1" },
            new VariableOverride { Component = "OCPPCommCtrlr", Variable = "RetryBackOffRandomRange", Value = "0" },
        ],
    };

    private HostHarness(TestCsms csms, SimulatedStation station, ControlApiServer api, TestStationConnection connection)
    {
        Csms = csms;
        Station = station;
        Api = api;
        Connection = connection;
        Http = new HttpClient { BaseAddress = api.Url, Timeout = Wait };
    }

    public TestCsms Csms { get; }

    public SimulatedStation Station { get; }

    public ControlApiServer Api { get; }

    /// <summary>The station's current connection at the CSMS.</summary>
    public TestStationConnection Connection { get; set; }

    public HttpClient Http { get; }

    public static async Task<HostHarness> StartAsync()
    {
        var csms = await TestCsms.StartAsync();
        var options = new ChargingStationOptions { Identity = Identity, CsmsUrl = csms.Url, Profile = Profile };
        var station = await SimulatedStation.StartAsync(options, new InMemoryStationStore(), CancellationToken.None);
        var api = await ControlApiServer.StartAsync(station, 0, CancellationToken.None);
        var connection = await csms.WaitForConnectionAsync(Identity, Wait);
        var harness = new HostHarness(csms, station, api, connection);
        await harness.ExpectStatusAsync("Available", DateTimeOffset.MinValue);
        return harness;
    }

    public Task<HttpResponseMessage> PostAsync(string path, string? json = null) =>
        Http.PostAsync(path, json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Waits for a StatusNotification with this status sent at or after <paramref name="since"/>.</summary>
    public Task<RecordedFrame> ExpectStatusAsync(string status, DateTimeOffset since) =>
        Connection.ExpectFrameAsync(
            f => f.Direction == FrameDirection.FromStation && f.Timestamp >= since
                && f.Text.Contains("\"StatusNotification\"", StringComparison.Ordinal)
                && f.Text.Contains($"\"connectorStatus\":\"{status}\"", StringComparison.Ordinal),
            Wait);

    public static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("error").GetString()!;
    }

    public static async Task AssertErrorAsync(HttpStatusCode expected, HttpResponseMessage response, string containing)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(containing, await ErrorOf(response), StringComparison.OrdinalIgnoreCase);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Api.DisposeAsync();
        await Station.DisposeAsync();
        await Csms.DisposeAsync();
    }
}
