using Chargebox.Protocol;
using Chargebox.Protocol.Framing;

namespace Chargebox.Transport.Rpc;

/// <summary>One of our CALLs from the moment it is queued until it is answered, times out or fails.
/// Completion is first-wins: a reply racing a timeout or a disconnect completes it only once.</summary>
internal sealed class PendingCall : IDisposable
{
    private readonly TaskCompletionSource<IOcppResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingCall(OcppAction action, string messageId, PooledBufferWriter frame, CancellationToken callerToken)
    {
        Action = action;
        MessageId = messageId;
        Frame = frame;
        CallerToken = callerToken;
    }

    public OcppAction Action { get; }

    public string MessageId { get; }

    /// <summary>The serialised CALL frame, kept until the call is finished.</summary>
    public PooledBufferWriter Frame { get; }

    public CancellationToken CallerToken { get; }

    public Task<IOcppResponse> Task => _completion.Task;

    public bool TryComplete(IOcppResponse response) => _completion.TrySetResult(response);

    public bool TryFail(Exception exception) => _completion.TrySetException(exception);

    public void Dispose() => Frame.Dispose();
}
