using Chargebox.Protocol;
using Chargebox.Protocol.Framing;

namespace Chargebox.Transport.Rpc;

/// <summary>One of our CALLs from the moment it is queued until it is answered, times out or fails.
/// Completion is first-wins: a reply racing a timeout or a disconnect completes it only once.</summary>
internal sealed class PendingCall : IDisposable
{
    private readonly TaskCompletionSource<IOcppResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<IOcppResponse?, Exception?>? _onSettled;

    // onSettled is invoked once, synchronously, by whoever settles the call (the receive loop for an
    // answer), so that its effects come before those of any later frame. It must not throw.
    public PendingCall(OcppAction action, string messageId, PooledBufferWriter frame, CancellationToken callerToken, Action<IOcppResponse?, Exception?>? onSettled = null)
    {
        Action = action;
        MessageId = messageId;
        Frame = frame;
        CallerToken = callerToken;
        _onSettled = onSettled;
    }

    public OcppAction Action { get; }

    public string MessageId { get; }

    /// <summary>The serialised CALL frame, kept until the call is finished.</summary>
    public PooledBufferWriter Frame { get; }

    public CancellationToken CallerToken { get; }

    public Task<IOcppResponse> Task => _completion.Task;

    public bool TryComplete(IOcppResponse response)
    {
        if (!_completion.TrySetResult(response))
        {
            return false;
        }

        _onSettled?.Invoke(response, null);
        return true;
    }

    public bool TryFail(Exception exception)
    {
        if (!_completion.TrySetException(exception))
        {
            return false;
        }

        if (_onSettled is not null)
        {
            // The callback is the only observer: nobody awaits the task of a call settled through it.
            _ = _completion.Task.Exception;
            _onSettled(null, exception);
        }

        return true;
    }

    public void Dispose() => Frame.Dispose();
}
