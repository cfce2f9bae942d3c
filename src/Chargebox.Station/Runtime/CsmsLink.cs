using Chargebox.Protocol;
using Chargebox.Transport;
using Chargebox.Transport.Rpc;

namespace Chargebox.Station.Runtime;

/// <summary>The station's side of the current connection, as seen from the loop: whether it is online, and
/// a way to send a CALL without waiting for it. The answer (or failure) comes back into the inbox, so the
/// loop keeps serving the CSMS's own calls while ours is outstanding.</summary>
internal sealed class CsmsLink
{
    private readonly StationInbox _inbox;
    private readonly CancellationToken _stopping;
    private OcppRpcConnection? _connection;

    public CsmsLink(StationInbox inbox, CancellationToken stopping)
    {
        _inbox = inbox;
        _stopping = stopping;
    }

    /// <summary>True while a WebSocket connection to the CSMS is open.</summary>
    public bool IsOnline => _connection is not null;

    public void Attach(OcppRpcConnection connection) => _connection = connection;

    public void Detach() => _connection = null;

    /// <summary>Sends <paramref name="request"/> (queued behind earlier CALLs, one outstanding at a time) and
    /// runs <paramref name="onResult"/> or <paramref name="onFailure"/> on the loop when it is settled.
    /// Offline, the failure is an <see cref="OcppConnectionClosedException"/>.</summary>
    public void Send<TResponse>(
        IOcppRequest<TResponse> request,
        Func<TResponse, CancellationToken, ValueTask> onResult,
        Func<Exception, CancellationToken, ValueTask>? onFailure = null)
        where TResponse : class, IOcppResponse
    {
        var connection = _connection;
        if (connection is null)
        {
            if (onFailure is not null)
            {
                var offline = new OcppConnectionClosedException($"Cannot send {request.Action.Name}: the station is offline.");
                _inbox.Post(ct => onFailure(offline, ct));
            }

            return;
        }

        // The outcome is posted from the RPC layer's settle callback, which runs on the receive loop before the
        // next frame is read: the loop sees an answer's effects before those of a CALL the CSMS sends right
        // after it (e.g. GetTransactionStatus after a TransactionEventResponse: E14 messagesInQueue).
        connection.Call(
            request,
            response => _inbox.Post(ct => onResult(response, ct)),
            failure =>
            {
                // A stopping station has nobody left to tell.
                if (onFailure is not null && !_stopping.IsCancellationRequested)
                {
                    _inbox.Post(ct => onFailure(failure, ct));
                }
            },
            _stopping);
    }

    /// <summary>Sends a CALL whose answer needs no handling beyond what the RPC layer logs.</summary>
    public void Send<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse =>
        Send(request, static (_, _) => ValueTask.CompletedTask);
}
