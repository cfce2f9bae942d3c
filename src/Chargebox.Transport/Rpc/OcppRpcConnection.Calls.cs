using System.Text;
using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Serialization;
using Chargebox.Protocol.Validation;

namespace Chargebox.Transport.Rpc;

// Our own CALLs: queue, one outstanding at a time (Part 4, 4.1.1), answer matching and timeout.
public sealed partial class OcppRpcConnection
{
    /// <summary>Sends <paramref name="request"/> as a CALL once every earlier CALL has been answered or has
    /// timed out, and returns the validated CALLRESULT payload.</summary>
    /// <exception cref="OcppCallErrorException">The CSMS answered with a CALLERROR.</exception>
    /// <exception cref="OcppInvalidResponseException">The CALLRESULT does not conform to the response schema.</exception>
    /// <exception cref="OcppCallTimeoutException">No answer within <see cref="OcppRpcOptions.MessageTimeout"/>.</exception>
    /// <exception cref="OcppConnectionClosedException">The connection closed before the answer came.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled. A CALL
    /// already sent still holds the slot until it is answered or times out, as 4.1.1 demands.</exception>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, CancellationToken cancellationToken)
        where TResponse : class, IOcppResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = Enqueue(request, onSettled: null, cancellationToken)
            ?? throw new OcppConnectionClosedException($"Cannot send {request.Action.Name}: the connection to the CSMS is closed.");
        var response = await pending.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return (TResponse)response;
    }

    /// <summary>Sends <paramref name="request"/> as a CALL like <see cref="CallAsync{TResponse}"/>, but settles it
    /// through a callback: exactly one of <paramref name="onResult"/> and <paramref name="onFailure"/> is invoked,
    /// synchronously, where the call is settled. For an answer that is the receive loop, before it reads the
    /// next frame, so whatever the callback queues is queued before anything a later frame (e.g. a CALL the
    /// CSMS sends right after its answer) causes. Keep the callbacks short; an exception from them is logged.</summary>
    /// <remarks>The failures are those <see cref="CallAsync{TResponse}"/> throws; a closed connection fails at
    /// once, on the caller's thread. <paramref name="cancellationToken"/> withdraws a CALL that is still queued
    /// (failing it with <see cref="OperationCanceledException"/>); a CALL already sent waits for its answer or
    /// timeout, as 4.1.1 demands.</remarks>
    public void Call<TResponse>(
        IOcppRequest<TResponse> request,
        Action<TResponse> onResult,
        Action<Exception> onFailure,
        CancellationToken cancellationToken)
        where TResponse : class, IOcppResponse
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(onResult);
        ArgumentNullException.ThrowIfNull(onFailure);
        string name = request.Action.Name;
        void Settle(IOcppResponse? response, Exception? failure)
        {
            try
            {
                if (response is not null)
                {
                    onResult((TResponse)response);
                }
                else
                {
                    onFailure(failure!);
                }
            }
            catch (Exception ex)
            {
                RpcLog.SettleFailed(_logger, ex, StationId, name);
            }
        }

        if (Enqueue(request, Settle, cancellationToken) is null)
        {
            Settle(null, new OcppConnectionClosedException($"Cannot send {name}: the connection to the CSMS is closed."));
        }
    }

    /// <summary>Frames <paramref name="request"/> and queues it for the send loop; null if the connection is closed.</summary>
    private PendingCall? Enqueue<TResponse>(IOcppRequest<TResponse> request, Action<IOcppResponse?, Exception?>? onSettled, CancellationToken cancellationToken)
        where TResponse : class, IOcppResponse
    {
        var action = request.Action;
        if (!typeof(TResponse).IsAssignableFrom(action.ResponseType))
        {
            throw new ArgumentException($"{action.Name} is answered by {action.ResponseType.Name}, not {typeof(TResponse).Name}.", nameof(request));
        }

        // Part 4, 4.1.4: never reuse an id. Version 7 GUIDs are unique and sort by time in the logs; 32 characters.
        string messageId = Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");
        var frame = new PooledBufferWriter();
        try
        {
            OcppFrameWriter.WriteCall(frame, messageId, action.Name, (request, action), static (writer, state) =>
                OcppPayloadCodec.Write(writer, state.request, state.action.RequestTypeInfo));
        }
        catch
        {
            frame.Dispose();
            throw;
        }

        var pending = new PendingCall(action, messageId, frame, cancellationToken, onSettled);
        if (!_calls.Writer.TryWrite(pending))
        {
            pending.Dispose();
            return null;
        }

        return pending;
    }

    private async Task SendCallsAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var pending in _calls.Reader.ReadAllAsync(stop).ConfigureAwait(false))
            {
                using (pending)
                {
                    await SendAndAwaitAsync(pending, stop).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: ShutDownAsync fails what is still queued.
        }
    }

    private async Task SendAndAwaitAsync(PendingCall pending, CancellationToken stop)
    {
        if (pending.CallerToken.IsCancellationRequested)
        {
            // Cancelled while queued: never sent, so it never takes the slot.
            pending.TryFail(new OperationCanceledException(pending.CallerToken));
            return;
        }

        TimeSpan timeout = _options.MessageTimeout;
        Volatile.Write(ref _outstanding, pending);
        try
        {
            // The timer starts just before the send: 4.1.1 counts from sending, and a reply cannot come earlier.
            using var timeoutTimer = _time.CreateTimer(
                static state =>
                {
                    var (connection, call, after) = ((OcppRpcConnection, PendingCall, TimeSpan))state!;
                    connection.OnCallTimedOut(call, after);
                },
                (this, pending, timeout),
                timeout,
                Timeout.InfiniteTimeSpan);
            await using var closing = stop.UnsafeRegister(
                static state =>
                {
                    var (connection, call) = ((OcppRpcConnection, PendingCall))state!;
                    call.TryFail(Volatile.Read(ref connection._closed) ?? new OcppConnectionClosedException("The connection to the CSMS closed."));
                },
                (this, pending)).ConfigureAwait(false);
            try
            {
                await SendFrameAsync(pending.Frame.WrittenMemory, stop).ConfigureAwait(false);
                RpcLog.CallSent(_logger, StationId, pending.Action.Name, pending.MessageId);
            }
            catch (OcppConnectionClosedException ex)
            {
                pending.TryFail(ex);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                pending.TryFail(new OcppConnectionClosedException($"Cannot send {pending.Action.Name}: the connection to the CSMS is closing."));
            }

            await ((Task)pending.Task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

            // A caller that gave up (cancelled) never looks at the outcome; mark it seen so that it does
            // not surface later as an unobserved task exception.
            _ = pending.Task.Exception;
        }
        finally
        {
            Interlocked.CompareExchange(ref _outstanding, null, pending);
        }
    }

    private void OnCallTimedOut(PendingCall pending, TimeSpan timeout)
    {
        if (pending.TryFail(new OcppCallTimeoutException(pending.Action.Name, pending.MessageId, timeout)))
        {
            RpcLog.CallTimedOut(_logger, StationId, pending.Action.Name, pending.MessageId, timeout);
        }
    }

    /// <summary>The CALL waiting for an answer with this id, or null (unknown, timed out or already answered).</summary>
    private PendingCall? FindOutstanding(string messageId) =>
        Volatile.Read(ref _outstanding) is { } pending && pending.MessageId == messageId && !pending.Task.IsCompleted ? pending : null;

    private void OnCallResult(in OcppFrame frame)
    {
        if (FindOutstanding(frame.MessageId) is not { } pending)
        {
            RpcLog.AnswerDropped(_logger, StationId, frame.MessageType, frame.MessageId);
            return;
        }

        var action = pending.Action;
        bool completed;
        if (OcppPayloadCodec.TryRead(frame.Payload.Span, action.ResponseSchema, action.ResponseTypeInfo, out var value, out var error)
            && value is IOcppResponse response)
        {
            completed = pending.TryComplete(response);
            RpcLog.CallResultReceived(_logger, StationId, action.Name, frame.MessageId);
        }
        else
        {
            // Reported before the caller learns of the failure, so whoever watches both sees the report first.
            RpcLog.InvalidResponse(_logger, StationId, action.Name, frame.MessageId, error.Code, error.Description);
            ReportInvalidMessage(error.Code, $"CALLRESULT {action.Name} payload");
            completed = pending.TryFail(new OcppInvalidResponseException(action.Name, frame.MessageId, error));
        }

        if (!completed)
        {
            // Lost the race against the timeout.
            RpcLog.AnswerDropped(_logger, StationId, frame.MessageType, frame.MessageId);
        }
    }

    private void OnCallError(in OcppFrame frame)
    {
        if (FindOutstanding(frame.MessageId) is not { } pending)
        {
            RpcLog.AnswerDropped(_logger, StationId, frame.MessageType, frame.MessageId);
            return;
        }

        string code = frame.ErrorCode ?? "";
        string description = frame.ErrorDescription ?? "";
        RpcLog.CallErrorReceived(_logger, StationId, pending.Action.Name, frame.MessageId, code, description);
        var exception = new OcppCallErrorException(pending.Action.Name, frame.MessageId, code, description, Encoding.UTF8.GetString(frame.Payload.Span));
        if (!pending.TryFail(exception))
        {
            RpcLog.AnswerDropped(_logger, StationId, frame.MessageType, frame.MessageId);
        }
    }

    private void OnBrokenAnswer(string messageId, OcppFrameError error)
    {
        if (FindOutstanding(messageId) is { } pending)
        {
            pending.TryFail(new OcppInvalidResponseException(pending.Action.Name, messageId, new PayloadError(error.Code, error.Description)));
        }
    }
}
