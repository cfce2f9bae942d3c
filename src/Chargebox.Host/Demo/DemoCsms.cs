using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Chargebox.Host.Demo;

/// <summary>A small CSMS for the demo: Kestrel on 127.0.0.1, OCPP-J over WebSocket (subprotocol
/// <c>ocpp2.0.1</c>) at <c>/ocpp/{identity}</c>, answering with <see cref="DemoCsmsReplies"/> and
/// recording every CALL in its own SQLite file. It reads and writes frames with its own few lines of
/// JSON, independent of the station's protocol code, so the demo shows what really went over the wire.</summary>
internal sealed class DemoCsms : IAsyncDisposable
{
    public const string SubProtocol = "ocpp2.0.1";

    /// <summary>Frames beyond this size are refused: the demo never needs them.</summary>
    private const int MaxFrameBytes = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly DemoRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly string _acceptedIdToken;

    private DemoCsms(WebApplication app, DemoRecorder recorder, TimeProvider time, string acceptedIdToken)
    {
        _app = app;
        _recorder = recorder;
        _time = time;
        _acceptedIdToken = acceptedIdToken;
    }

    /// <summary>ws://127.0.0.1:port/ocpp, to which a station appends its identity.</summary>
    public Uri Url { get; private set; } = null!;

    public DemoMessageLog Received { get; } = new();

    public string DatabasePath => _recorder.DatabasePath;

    public static async Task<DemoCsms> StartAsync(string dataDirectory, string acceptedIdToken, TimeProvider time, CancellationToken cancellationToken)
    {
        var recorder = await DemoRecorder.OpenAsync(dataDirectory, cancellationToken).ConfigureAwait(false);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var csms = new DemoCsms(app, recorder, time, acceptedIdToken);
        app.UseWebSockets();
        app.Run(csms.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        csms.Url = new Uri($"ws://127.0.0.1:{new Uri(address).Port}/ocpp");
        return csms;
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        await _recorder.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var identity = path.StartsWith("/ocpp/", StringComparison.Ordinal) ? path["/ocpp/".Length..] : "";
        if (!context.WebSockets.IsWebSocketRequest || identity.Length == 0 || identity.Contains('/', StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!context.WebSockets.WebSocketRequestedProtocols.Contains(SubProtocol, StringComparer.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(SubProtocol).ConfigureAwait(false);
        try
        {
            await ServeAsync(socket, identity, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            // The station went away (network cut, power cut, end of the demo): nothing to answer.
        }
    }

    private async Task ServeAsync(WebSocket socket, string identity, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                buffer.Advance(result.Count);
                if (buffer.WrittenCount > MaxFrameBytes)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "frame too large", cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (await AnswerAsync(identity, buffer.WrittenMemory, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(answer), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The answer frame to one frame from the station; null for frames that need none (the demo
    /// CSMS sends no CALLs, so CALLRESULTs and CALLERRORs are unexpected and ignored).</summary>
    private async Task<string?> AnswerAsync(string identity, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        JsonArray? call;
        try
        {
            call = JsonNode.Parse(frame.Span) as JsonArray;
        }
        catch (JsonException)
        {
            return """[4,"-1","FormatViolation","not JSON",{}]""";
        }

        if (call is not [JsonValue type, JsonValue id, JsonValue action, JsonObject payload]
            || !type.TryGetValue<int>(out var messageType) || messageType != 2
            || !id.TryGetValue<string>(out var messageId) || !action.TryGetValue<string>(out var actionName))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        var reply = DemoCsmsReplies.For(actionName, payload, now, _acceptedIdToken);
        var message = new DemoMessage(now, identity, actionName, (JsonObject)payload.DeepClone(), reply.Summary);
        await _recorder.RecordAsync(message, cancellationToken).ConfigureAwait(false);
        Received.Add(message);
        var answer = reply.Result is { } result
            ? new JsonArray(3, messageId, result)
            : new JsonArray(4, messageId, reply.ErrorCode, $"The demo CSMS does not implement {actionName}.", new JsonObject());
        return answer.ToJsonString();
    }
}
