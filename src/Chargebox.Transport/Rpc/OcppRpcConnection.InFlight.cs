using System.Collections.Concurrent;

namespace Chargebox.Transport.Rpc;

// The messageIds of the CSMS's CALLs that are queued for the handler or being handled. Part 4, 4.2.3 lists "an
// existing call with the same unique identifier is being handled already" among the CALLs that get a CALLERROR;
// once the first one is answered the id is free again (errata 2024-09 to 4.1.4: a retry MAY reuse the id).
// Added by the receive loop, removed by the serve loop, hence concurrent.
public sealed partial class OcppRpcConnection
{
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);

    private bool IsInFlight(string messageId) => _inFlight.ContainsKey(messageId);

    private void MarkInFlight(string messageId) => _inFlight.TryAdd(messageId, 0);

    private void MarkAnswered(string messageId) => _inFlight.TryRemove(messageId, out _);
}
