using Chargebox.Transport;
using Chargebox.Transport.WebSockets;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Runtime;

/// <summary>Opens a connection to the CSMS. The default goes over a WebSocket; the simulator's host wraps it
/// to cut the network on demand, and tests may hand in an in-memory pair.</summary>
public interface ICsmsConnector
{
    Task<IOcppChannel> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken);
}

/// <summary>Connects over a real WebSocket (<see cref="OcppWebSocketConnector"/>).</summary>
public sealed class WebSocketCsmsConnector : ICsmsConnector
{
    private readonly OcppWebSocketConnector _connector;

    public WebSocketCsmsConnector(ILoggerFactory? loggerFactory = null) => _connector = new OcppWebSocketConnector(loggerFactory);

    public Task<IOcppChannel> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken) =>
        _connector.ConnectAsync(options, cancellationToken);
}
