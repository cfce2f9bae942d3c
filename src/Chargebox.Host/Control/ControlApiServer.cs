using Chargebox.Host.Runtime;

namespace Chargebox.Host.Control;

/// <summary>The control API of one station (<see cref="ControlApi"/>) on its loopback server.</summary>
internal sealed class ControlApiServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private ControlApiServer(LoopbackServer server) => _server = server;

    /// <summary>http://127.0.0.1:port/ with the port actually bound.</summary>
    public Uri Url => _server.Url;

    /// <param name="station">The station the API steers.</param>
    /// <param name="port">The port; 0 takes a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port cannot be bound (in use, or not allowed).</exception>
    public static async Task<ControlApiServer> StartAsync(SimulatedStation station, int port, CancellationToken cancellationToken) =>
        new(await LoopbackServer.StartAsync(port, app => new ControlApi(station).Map(app), cancellationToken).ConfigureAwait(false));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
