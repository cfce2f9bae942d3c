using Chargebox.Protocol;

namespace Chargebox.Station.Runtime;

/// <summary>The connection to the CSMS as a <see cref="PersistentOutbox{TRequest, TResponse}"/> sees it: whether
/// it may send now, whether a connection is open at all, and a send whose outcome comes back on the loop.</summary>
internal interface IOutboxLink
{
    /// <summary>Online and accepted by the CSMS (B02/B03: nothing else goes out before).</summary>
    bool CanSend { get; }

    /// <summary>A connection is open: a failure while it is not was the connection's, not the message's.</summary>
    bool IsOnline { get; }

    /// <summary>Sends <paramref name="request"/>; exactly one of the callbacks runs later on the loop.</summary>
    void Send<TResponse>(
        IOcppRequest<TResponse> request,
        Func<TResponse, CancellationToken, ValueTask> onResult,
        Func<Exception, CancellationToken, ValueTask> onFailure)
        where TResponse : class, IOcppResponse;
}
