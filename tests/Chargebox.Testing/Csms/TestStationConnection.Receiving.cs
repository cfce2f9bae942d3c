using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chargebox.Testing.Csms;

/// <summary>The read loop: records every frame, answers close, and routes CALLs, CALLRESULTs and CALLERRORs.</summary>
public sealed partial class TestStationConnection
{
    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        StationDisconnect disconnect;
        try
        {
            disconnect = await ReadUntilClosedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            disconnect = new StationDisconnect(null, null);
        }

        List<TaskCompletionSource<OcppCall>> callWaiters;
        List<TaskCompletionSource<CallOutcome>> pending;
        lock (_gate)
        {
            callWaiters = [.. _callWaiters.Select(w => w.Waiter)];
            pending = [.. _pendingCalls.Values];
            _callWaiters.Clear();
        }

        var gone = new InvalidOperationException($"{Identity} disconnected ({(disconnect.WasClean ? $"close {disconnect.CloseStatus}" : "no close frame")}).");
        callWaiters.ForEach(w => w.TrySetException(gone));
        pending.ForEach(p => p.TrySetException(gone));
        _disconnected.TrySetResult(disconnect);
    }

    private async Task<StationDisconnect> ReadUntilClosedAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            Task readingAllowed;
            lock (_gate)
            {
                readingAllowed = _readingAllowed.Task;
            }

            await readingAllowed.WaitAsync(cancellationToken).ConfigureAwait(false);
            var result = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sendGate.Release();
                    }
                }

                return new StationDisconnect((int?)_socket.CloseStatus, _socket.CloseStatusDescription);
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var bytes = message.ToArray();
            message.SetLength(0);
            if (result.MessageType == WebSocketMessageType.Binary)
            {
                Record(FrameDirection.FromStation, Convert.ToHexString(bytes), isBinary: true);
                continue;
            }

            var text = Encoding.UTF8.GetString(bytes);
            Record(FrameDirection.FromStation, text, isBinary: false);
            await DispatchAsync(text, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Record(FrameDirection direction, string text, bool isBinary)
    {
        var frame = new RecordedFrame(_options.TimeProvider.GetUtcNow(), direction, text, isBinary);
        List<TaskCompletionSource<RecordedFrame>> matched = [];
        lock (_gate)
        {
            _frames.Add(frame);
            if (direction == FrameDirection.FromStation)
            {
                foreach (var waiter in _frameWaiters.Where(w => w.Match(frame)).ToList())
                {
                    _frameWaiters.Remove(waiter);
                    matched.Add(waiter.Waiter);
                }
            }
        }

        matched.ForEach(w => w.TrySetResult(frame));
    }

    /// <summary>Routes a well-formed frame; anything else stays only in <see cref="Frames"/> for assertions.</summary>
    private async Task DispatchAsync(string text, CancellationToken cancellationToken)
    {
        JsonElement frame;
        try
        {
            using var document = JsonDocument.Parse(text);
            frame = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return;
        }

        if (frame.ValueKind != JsonValueKind.Array || frame.GetArrayLength() < 3
            || frame[0].ValueKind != JsonValueKind.Number || frame[1].ValueKind != JsonValueKind.String)
        {
            return;
        }

        var messageId = frame[1].GetString()!;
        await CheckSchemaAsync(frame, messageId, text).ConfigureAwait(false);
        switch (frame[0].GetInt32())
        {
            case 2 when frame.GetArrayLength() == 4 && frame[2].ValueKind == JsonValueKind.String:
                await OnCallAsync(new OcppCall(messageId, frame[2].GetString()!, frame[3]), cancellationToken).ConfigureAwait(false);
                break;
            case 3 when frame.GetArrayLength() == 3:
                Complete(messageId, new CallOutcome(messageId, frame[2]));
                break;
            case 4 when frame.GetArrayLength() == 5:
                Complete(messageId, new CallOutcome(messageId, default, frame[2].ToString(), frame[3].ToString(), frame[4]));
                break;
        }
    }

    /// <summary>Every request and response the station sends must conform to its official schema, checked
    /// by an independent validator (NJsonSchema over schemas/ocpp201): the station's own validator cannot
    /// vouch for the station's output.</summary>
    private async Task CheckSchemaAsync(JsonElement frame, string messageId, string text)
    {
        string? schema = null;
        JsonElement payload = default;
        if (frame[0].GetInt32() == 2 && frame.GetArrayLength() == 4 && frame[2].ValueKind == JsonValueKind.String)
        {
            schema = frame[2].GetString() + "Request";
            payload = frame[3];
        }
        else if (frame[0].GetInt32() == 3 && frame.GetArrayLength() == 3)
        {
            lock (_gate)
            {
                schema = _pendingActions.TryGetValue(messageId, out var action) ? action + "Response" : null;
            }

            payload = frame[2];
        }

        if (schema is null)
        {
            return;
        }

        var errors = File.Exists(Schemas.RepositoryRoot.Combine(Path.Combine("schemas", "ocpp201", schema + ".json")))
            ? await Schemas.OcppSchemaCheck.ValidateAsync(schema, payload.GetRawText()).ConfigureAwait(false)
            : [$"there is no schema {schema}"];
        if (errors.Count > 0)
        {
            lock (_gate)
            {
                _schemaViolations.Add($"{schema}: {string.Join("; ", errors)} in {text}");
            }
        }
    }

    private async Task OnCallAsync(OcppCall call, CancellationToken cancellationToken)
    {
        TaskCompletionSource<OcppCall>? waiter = null;
        Func<OcppCall, TimeProvider, JsonNode>? autoReply = null;
        lock (_gate)
        {
            var index = _callWaiters.FindIndex(w => w.Action is null || w.Action == call.Action);
            if (index >= 0)
            {
                waiter = _callWaiters[index].Waiter;
                _callWaiters.RemoveAt(index);
            }
            else if (!_autoReplies.TryGetValue(call.Action, out autoReply))
            {
                _inbox.Add(call);
            }
        }

        if (waiter is not null)
        {
            waiter.TrySetResult(call);
        }
        else if (autoReply is not null)
        {
            await ReplyAsync(call, autoReply(call, _options.TimeProvider), cancellationToken).ConfigureAwait(false);
        }
    }

    private void Complete(string messageId, CallOutcome outcome)
    {
        TaskCompletionSource<CallOutcome>? pending;
        lock (_gate)
        {
            _pendingCalls.Remove(messageId, out pending);
        }

        pending?.TrySetResult(outcome);
    }
}
