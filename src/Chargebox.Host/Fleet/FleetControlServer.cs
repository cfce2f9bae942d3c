using Chargebox.Host.Control;

namespace Chargebox.Host.Fleet;

/// <summary>The fleet's control API on 127.0.0.1 only: <c>GET /api/fleet</c> (the summary) and
/// <c>GET /api/stations/{id}/status</c> (one station's status document, as <c>run</c>'s <c>/api/status</c>).</summary>
internal sealed class FleetControlServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private FleetControlServer(LoopbackServer server) => _server = server;

    /// <summary>http://127.0.0.1:port/ with the port actually bound.</summary>
    public Uri Url => _server.Url;

    /// <exception cref="IOException">The port cannot be bound.</exception>
    public static async Task<FleetControlServer> StartAsync(StationFleet fleet, int port, CancellationToken cancellationToken) =>
        new(await LoopbackServer.StartAsync(port, app => Map(app, fleet), cancellationToken).ConfigureAwait(false));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static void Map(WebApplication app, StationFleet fleet)
    {
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
    }
}
