using Chargebox.Transport;
using Chargebox.Transport.Reconnect;
using Chargebox.Transport.Rpc;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Runtime;

/// <summary>Keeps the station connected: connects at start, runs the RPC layer over the connection, and
/// after a loss reconnects with the back-off of Part 4, 5.3. Runs beside the loop; every decision
/// (which profile, what to do when connected or disconnected) is taken on the loop by the planner.</summary>
internal sealed partial class CsmsConnectionSupervisor
{
    private readonly StationInbox _inbox;
    private readonly ICsmsConnector _connector;
    private readonly IConnectionPlanner _planner;
    private readonly IOcppCallHandler _handler;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly string _stationId;
    private ConnectionEnding? _current;

    public CsmsConnectionSupervisor(
        string stationId,
        StationInbox inbox,
        ICsmsConnector connector,
        IConnectionPlanner planner,
        IOcppCallHandler handler,
        TimeProvider time,
        Random random,
        ILoggerFactory loggerFactory)
    {
        _stationId = stationId;
        _inbox = inbox;
        _connector = connector;
        _planner = planner;
        _handler = handler;
        _time = time;
        _random = random;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<CsmsConnectionSupervisor>();
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // At power-up the first attempt is immediate; only reconnections back off (Part 4, 5.3).
        var connection = await TryConnectOnceAsync(cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            connection ??= await ReconnectAsync(cancellationToken).ConfigureAwait(false);
            await RunConnectionAsync(connection.Value.Plan, connection.Value.Channel, cancellationToken).ConfigureAwait(false);
            connection = null;
        }
    }

    /// <summary>Closes the open connection, if any, so that the station connects again with what the loop
    /// plans now (A01: a new BasicAuthPassword is used from the next connection). Safe from any thread.</summary>
    public void DropConnection()
    {
        Volatile.Read(ref _current)?.Begin();
    }

    private async Task<(ConnectionPlan Plan, IOcppChannel Channel)?> TryConnectOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogConnectFailed(_logger, _stationId, ex.Message);
            return null;
        }
    }

    private async Task<(ConnectionPlan Plan, IOcppChannel Channel)> ReconnectAsync(CancellationToken cancellationToken)
    {
        // The back-off settings are read once per outage; a change applies from the next outage on.
        var settings = await _inbox.InvokeAsync(_ => ValueTask.FromResult(_planner.Plan().BackOff), cancellationToken).ConfigureAwait(false);
        var loop = new ReconnectLoop(new RetryBackOffPolicy(settings, _random), _time, _loggerFactory.CreateLogger<ReconnectLoop>());
        return await loop.ReconnectAsync(ConnectAsync, ex => LogConnectFailed(_logger, _stationId, ex.Message), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(ConnectionPlan Plan, IOcppChannel Channel)> ConnectAsync(CancellationToken cancellationToken)
    {
        var plan = await _inbox.InvokeAsync(_ => ValueTask.FromResult(_planner.Plan()), cancellationToken).ConfigureAwait(false);
        try
        {
            var channel = await _connector.ConnectAsync(plan.Options, cancellationToken).ConfigureAwait(false);
            return (plan, channel);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await _inbox.InvokeAsync(async ct =>
            {
                await _planner.OnConnectFailedAsync(plan, ex, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private async Task RunConnectionAsync(ConnectionPlan plan, IOcppChannel channel, CancellationToken cancellationToken)
    {
        var rpc = new OcppRpcConnection(channel, _handler, plan.Rpc, _time, _loggerFactory);
        using var ending = new ConnectionEnding(channel, _time);
        Volatile.Write(ref _current, ending);

        // Stopping (a reboot, a shutdown) closes the connection with the WebSocket close handshake rather than
        // dropping it: an abrupt close resets the TCP connection, and a CSMS that has not read the last answer
        // yet (Accepted to a Reset) would lose it with the reset.
        using var stopping = cancellationToken.UnsafeRegister(static state => ((ConnectionEnding)state!).Begin(), ending);
        try
        {
            // The loop learns of the connection before the first frame is read, so anything it sends
            // (BootNotification) is queued first and every CSMS call finds the station attached.
            await _inbox.InvokeAsync(async ct =>
            {
                await _planner.OnConnectedAsync(plan, rpc, ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            await rpc.RunAsync(ending.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            Volatile.Write(ref _current, null);
            await stopping.DisposeAsync().ConfigureAwait(false);
            await channel.DisposeAsync().ConfigureAwait(false);
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            await _inbox.InvokeAsync(async ct =>
            {
                await _planner.OnDisconnectedAsync("connection closed", ct).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Station {StationId}: connecting to the CSMS failed: {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string stationId, string reason);
}
