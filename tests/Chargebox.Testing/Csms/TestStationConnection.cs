using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Chargebox.Testing.Csms;

/// <summary>The CSMS end of one station's WebSocket connection: a script reads what the station sent
/// (<see cref="ExpectCallAsync"/>), answers (<see cref="ReplyAsync"/>), calls the station (<see cref="CallAsync"/>)
/// and misbehaves on purpose (raw frames, abort). Frames are parsed here with System.Text.Json, independently
/// of the station's own framing code, so a framing bug cannot hide itself.</summary>
public sealed partial class TestStationConnection
{
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly TestCsmsOptions _options;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly Lock _gate = new();
    private readonly List<RecordedFrame> _frames = [];
    private readonly List<OcppCall> _inbox = [];
    private readonly List<(string? Action, TaskCompletionSource<OcppCall> Waiter)> _callWaiters = [];
    private readonly List<(Func<RecordedFrame, bool> Match, TaskCompletionSource<RecordedFrame> Waiter)> _frameWaiters = [];
    private readonly Dictionary<string, TaskCompletionSource<CallOutcome>> _pendingCalls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _pendingActions = new(StringComparer.Ordinal);
    private readonly List<string> _schemaViolations = [];
    private readonly Dictionary<string, Func<OcppCall, TimeProvider, JsonNode>> _autoReplies;
    private readonly TaskCompletionSource<StationDisconnect> _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _readingAllowed = NewOpenGate();
    private int _nextMessageId;

    internal TestStationConnection(WebSocket socket, HttpContext context, CsmsConnectionAttempt attempt, TestCsmsOptions options)
    {
        _socket = socket;
        _context = context;
        _options = options;
        Attempt = attempt;
        _autoReplies = new(options.AutoReplies, StringComparer.Ordinal);
    }

    public string Identity => Attempt.Identity;

    /// <summary>The upgrade request: Basic credentials, client certificate, requested subprotocols.</summary>
    public CsmsConnectionAttempt Attempt { get; }

    public bool IsConnected => !_disconnected.Task.IsCompleted;

    /// <summary>Every frame both ways, in order, with the CSMS's timestamps.</summary>
    /// <summary>The messages from the station that broke their official schema (checked as they arrive).</summary>
    public IReadOnlyList<string> SchemaViolations
    {
        get
        {
            lock (_gate)
            {
                return [.. _schemaViolations];
            }
        }
    }

    public IReadOnlyList<RecordedFrame> Frames
    {
        get
        {
            lock (_gate)
            {
                return [.. _frames];
            }
        }
    }

    /// <summary>Stops answering <paramref name="action"/> automatically, so a script must take it.</summary>
    public void DisableAutoReply(string action)
    {
        lock (_gate)
        {
            _autoReplies.Remove(action);
        }
    }

    /// <summary>Answers <paramref name="action"/> automatically from now on.</summary>
    public void SetAutoReply(string action, Func<OcppCall, TimeProvider, JsonNode> reply)
    {
        lock (_gate)
        {
            _autoReplies[action] = reply;
        }
    }

    /// <summary>Waits for a CALL of <paramref name="action"/> (any action when null) that no one took yet,
    /// including ones that arrived before this call. A waiting script beats an auto-reply.</summary>
    public async Task<OcppCall> ExpectCallAsync(string? action, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<OcppCall> waiter;
        lock (_gate)
        {
            var index = _inbox.FindIndex(c => action is null || c.Action == action);
            if (index >= 0)
            {
                var call = _inbox[index];
                _inbox.RemoveAt(index);
                return call;
            }

            waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _callWaiters.Add((action, waiter));
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _callWaiters.RemoveAll(w => w.Waiter == waiter);
            }

            throw new TimeoutException($"{Identity}: no {action ?? "CALL"} within {timeout.TotalSeconds:0.###} s. {DescribeRecentFrames()}");
        }
    }

    /// <summary>Waits for a frame from the station that matches, looking at earlier frames first.</summary>
    public async Task<RecordedFrame> ExpectFrameAsync(Func<RecordedFrame, bool> match, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<RecordedFrame> waiter;
        lock (_gate)
        {
            var earlier = _frames.Find(f => f.Direction == FrameDirection.FromStation && match(f));
            if (earlier is not null)
            {
                return earlier;
            }

            waiter = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _frameWaiters.Add((match, waiter));
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _frameWaiters.RemoveAll(w => w.Waiter == waiter);
            }

            throw new TimeoutException($"{Identity}: no matching frame within {timeout.TotalSeconds:0.###} s. {DescribeRecentFrames()}");
        }
    }

    /// <summary>Answers a CALL with a CALLRESULT. <paramref name="payload"/> is JSON text, a JsonNode, a
    /// JsonElement, a generated response (written with OcppJsonContext), or any object serialised with
    /// System.Text.Json (an anonymous object reads well in a test).</summary>
    public Task ReplyAsync(OcppCall call, object payload, CancellationToken cancellationToken = default) =>
        SendRawAsync($"[3,{JsonSerializer.Serialize(call.MessageId)},{ToJson(payload)}]", cancellationToken);

    /// <summary>Answers a CALL with a CALLERROR (Part 4, 4.2.3).</summary>
    public Task ReplyErrorAsync(OcppCall call, string errorCode, string errorDescription = "", object? errorDetails = null, CancellationToken cancellationToken = default) =>
        SendRawAsync(
            $"[4,{JsonSerializer.Serialize(call.MessageId)},{JsonSerializer.Serialize(errorCode)},{JsonSerializer.Serialize(errorDescription)},{(errorDetails is null ? "{}" : ToJson(errorDetails))}]",
            cancellationToken);

    /// <summary>Sends a CALL to the station and waits for its CALLRESULT or CALLERROR.</summary>
    public async Task<CallOutcome> CallAsync(string action, object payload, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var messageId = $"csms-{Interlocked.Increment(ref _nextMessageId)}";
        var outcome = new TaskCompletionSource<CallOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pendingCalls[messageId] = outcome;
            _pendingActions[messageId] = action;
        }

        await SendRawAsync($"[2,{JsonSerializer.Serialize(messageId)},{JsonSerializer.Serialize(action)},{ToJson(payload)}]", cancellationToken).ConfigureAwait(false);
        try
        {
            return await outcome.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Identity}: no answer to {action} ({messageId}) within {timeout.TotalSeconds:0.###} s. {DescribeRecentFrames()}");
        }
        finally
        {
            lock (_gate)
            {
                _pendingCalls.Remove(messageId);
                _pendingActions.Remove(messageId);
            }
        }
    }

    /// <summary>Sends any text as one message, valid OCPP-J or not (robustness tests). With
    /// <paramref name="fragmentSize"/> the message goes out as several WebSocket continuation frames.</summary>
    public async Task SendRawAsync(string frame, CancellationToken cancellationToken = default, int fragmentSize = 0)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Record(FrameDirection.ToStation, frame, isBinary: false);
            var step = fragmentSize > 0 ? fragmentSize : Math.Max(bytes.Length, 1);
            for (var offset = 0; offset < bytes.Length || offset == 0; offset += step)
            {
                var count = Math.Min(step, bytes.Length - offset);
                var last = offset + count >= bytes.Length;
                await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, last, cancellationToken).ConfigureAwait(false);
                if (last)
                {
                    break;
                }
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Sends a binary message, which OCPP-J does not allow.</summary>
    public async Task SendBinaryAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Record(FrameDirection.ToStation, Convert.ToHexString(data.Span), isBinary: true);
            await _socket.SendAsync(data, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Starts the close handshake; the connection ends when the station answers.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? description = null, CancellationToken cancellationToken = default)
    {
        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.CloseOutputAsync(status, description, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close handshake, as a crashing CSMS or a broken network would.</summary>
    public Task AbortAsync()
    {
        if (IsConnected)
        {
            try
            {
                _context.Abort();
                _socket.Abort();
            }
            catch (ObjectDisposedException)
            {
                // The request ended meanwhile: already disconnected.
            }
        }

        return _disconnected.Task;
    }

    /// <summary>Stops reading from the socket, so the station's pings go unanswered, as with a hung CSMS.
    /// A read already waiting finishes first: it takes effect after the next message from the station.</summary>
    public void SuspendReading()
    {
        lock (_gate)
        {
            if (_readingAllowed.Task.IsCompleted)
            {
                _readingAllowed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void ResumeReading()
    {
        lock (_gate)
        {
            _readingAllowed.TrySetResult();
        }
    }

    /// <summary>Waits until the connection is gone and says how it ended.</summary>
    public async Task<StationDisconnect> WaitForDisconnectAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _disconnected.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Identity}: still connected after {timeout.TotalSeconds:0.###} s.");
        }
    }

    private static string ToJson(object payload) => payload switch
    {
        string text => JsonNode.Parse(text) is { } node ? node.ToJsonString() : "null",
        JsonNode node => node.ToJsonString(),
        JsonElement element => element.GetRawText(),
        _ => SerializeGenerated(payload),
    };

    private static TaskCompletionSource NewOpenGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private string DescribeRecentFrames()
    {
        var recent = Frames.TakeLast(5).Select(f => $"{(f.Direction == FrameDirection.FromStation ? "<-" : "->")} {Shorten(f.Text)}");
        return "Last frames: " + (IsConnected ? "" : "(disconnected) ") + string.Join(" | ", recent);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}
