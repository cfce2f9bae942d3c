using System.Net;
using Chargebox.Host.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Chargebox.Host.Control;

/// <summary>The control API's HTTP server: Kestrel on 127.0.0.1 only, since whoever reaches it can plug,
/// unplug and cut the power of the station.</summary>
internal sealed class ControlApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ControlApiServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>http://127.0.0.1:port/ with the port actually bound.</summary>
    public Uri Url { get; }

    /// <param name="station">The station the API steers.</param>
    /// <param name="port">The port; 0 takes a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port cannot be bound (in use, or not allowed).</exception>
    public static async Task<ControlApiServer> StartAsync(SimulatedStation station, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        new ControlApi(station).Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new ControlApiServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
