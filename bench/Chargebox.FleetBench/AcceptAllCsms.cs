using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chargebox.FleetBench;

/// <summary>A CSMS on 127.0.0.1 that accepts every station, boot and card, and keeps nothing but the open
/// sockets: what the bench measures is the stations, not a recording CSMS. It can send a CALL to a station
/// and tell when the station's next CALL of an action arrives.</summary>
internal sealed class AcceptAllCsms : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Peer> _peers = new(StringComparer.Ordinal);

    private AcceptAllCsms(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int Connected => _peers.Count;

    public int Accepted => _peers.Values.Count(p => p.Booted);

    public static async Task<AcceptAllCsms> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var csms = new AcceptAllCsms(app);
        app.UseWebSockets();
        app.Run(csms.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single()).Port;
        csms.Url = new Uri($"ws://127.0.0.1:{port}/ocpp");
        return csms;
    }

    /// <summary>Sends a CALL to <paramref name="identity"/> and returns the ticks until the station's next CALL
    /// of <paramref name="awaitedAction"/> arrives.</summary>
    public async Task<long> TimeAsync(string identity, string action, JsonObject payload, string awaitedAction, TimeSpan timeout)
    {
        var peer = _peers[identity];
        var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        peer.Awaiting[awaitedAction] = arrived;
        var start = Stopwatch.GetTimestamp();
        await peer.SendAsync(new JsonArray(2, Guid.NewGuid().ToString("N"), action, payload).ToJsonString()).ConfigureAwait(false);
        var end = await arrived.Task.WaitAsync(timeout).ConfigureAwait(false);
        return end - start;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var identity = context.Request.Path.Value!.Split('/')[^1];
        using var socket = await context.WebSockets.AcceptWebSocketAsync("ocpp2.0.1").ConfigureAwait(false);
        var peer = new Peer(socket);
        _peers[identity] = peer;
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                buffer.ResetWrittenCount();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
                    buffer.Advance(result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    break;
                }

                await peer.OnFrameAsync(buffer.WrittenMemory).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The station went away; the bench counts connected stations, not why one left.
        }
        finally
        {
            _peers.TryRemove(new KeyValuePair<string, Peer>(identity, peer));
        }
    }

    private sealed class Peer(WebSocket socket)
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public ConcurrentDictionary<string, TaskCompletionSource<long>> Awaiting { get; } = new(StringComparer.Ordinal);

        public bool Booted { get; private set; }

        public async Task OnFrameAsync(ReadOnlyMemory<byte> frame)
        {
            var now = Stopwatch.GetTimestamp();
            using var document = JsonDocument.Parse(frame);
            var message = document.RootElement;
            if (message[0].GetInt32() != 2)
            {
                return;
            }

            var id = message[1].GetString();
            var action = message[2].GetString()!;
            if (Awaiting.TryRemove(action, out var waiter))
            {
                waiter.TrySetResult(now);
            }

            var time = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var accepted = new JsonObject { ["status"] = "Accepted" };
            JsonObject reply = action switch
            {
                "BootNotification" => new JsonObject { ["currentTime"] = time, ["interval"] = 300, ["status"] = "Accepted" },
                "Heartbeat" => new JsonObject { ["currentTime"] = time },
                "Authorize" => new JsonObject { ["idTokenInfo"] = accepted },
                "TransactionEvent" when message[3].TryGetProperty("idToken", out _) => new JsonObject { ["idTokenInfo"] = accepted },
                _ => [],
            };
            Booted |= action == "BootNotification";
            await SendAsync(new JsonArray(3, id, reply).ToJsonString()).ConfigureAwait(false);
        }

        public async Task SendAsync(string text)
        {
            await _sending.WaitAsync().ConfigureAwait(false);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
