using Chargebox.Transport.Reconnect;
using Chargebox.Transport.Rpc;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Station.Runtime;

/// <summary>How to make the next connection attempt: which network connection profile (as connection
/// options) and how to back off and time out. Made on the loop from the device model for every attempt,
/// so a SetNetworkProfile or SetVariables takes effect at the next connection.</summary>
/// <param name="ConfigurationSlot">The NetworkConfigurationPriority slot this plan comes from.</param>
/// <param name="Options">The WebSocket connection to open.</param>
/// <param name="BackOff">How to wait between reconnection attempts.</param>
/// <param name="Rpc">Station id and message timeout for the RPC layer.</param>
internal sealed record ConnectionPlan(int ConfigurationSlot, ConnectionOptions Options, RetryBackOffSettings BackOff, OcppRpcOptions Rpc);

/// <summary>The station's connectivity behaviour, called on the loop by the supervisor.</summary>
internal interface IConnectionPlanner
{
    /// <summary>The plan for the next attempt.</summary>
    ConnectionPlan Plan();

    /// <summary>A connection attempt with <paramref name="plan"/> failed.</summary>
    ValueTask OnConnectFailedAsync(ConnectionPlan plan, Exception failure, CancellationToken cancellationToken);

    /// <summary>The connection is open and the RPC layer is about to run over it.</summary>
    ValueTask OnConnectedAsync(ConnectionPlan plan, OcppRpcConnection connection, CancellationToken cancellationToken);

    /// <summary>The connection is gone.</summary>
    ValueTask OnDisconnectedAsync(string reason, CancellationToken cancellationToken);
}
