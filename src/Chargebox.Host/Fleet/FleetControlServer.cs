using System.Net;
using Chargebox.Host.Control;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Chargebox.Host.Fleet;

/// <summary>The fleet's control API on 127.0.0.1 only: <c>GET /api/fleet</c> (the summary) and
/// <c>GET /api/stations/{id}/status</c> (one station's status document, as <c>run</c>'s <c>/api/status</c>).</summary>
internal sealed class FleetControlServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FleetControlServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>http://127.0.0.1:port/ with the port actually bound.</summary>
    public Uri Url { get; }

    /// <exception cref="IOException">The port cannot be bound.</exception>
    public static async Task<FleetControlServer> StartAsync(StationFleet fleet, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/api/fleet", async context =>
        {
            var summary = await fleet.GetSummaryAsync(context.RequestAborted).ConfigureAwait(false);
            await context.Response.WriteAsJsonAsync(summary, FleetJsonContext.Default.FleetSummary, contentType: null, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapGet("/api/stations/{id}/status", async context =>
        {
            var identity = context.Request.RouteValues["id"] as string ?? "";
            if (fleet.Find(identity) is not { } station)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsJsonAsync(new ErrorDocument($"no station '{identity}' in this fleet"), FleetJsonContext.Default.ErrorDocument, contentType: null, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            var (status, hardware) = await station.GetStatusAsync(context.RequestAborted).ConfigureAwait(false);
            await context.Response.WriteAsJsonAsync(StatusDocuments.From(status, hardware), FleetJsonContext.Default.StatusDocument, contentType: null, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new FleetControlServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
