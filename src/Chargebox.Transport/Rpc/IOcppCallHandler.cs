using Chargebox.Protocol;

namespace Chargebox.Transport.Rpc;

/// <summary>Serves the CALLs that the CSMS sends. The RPC layer has already checked the action and
/// validated and deserialised the payload; the handler decides and answers.</summary>
/// <remarks>Calls arrive one at a time, in the order they were received. A handler that needs its own
/// CALL to the CSMS must not wait for that CALL's result before returning: the CSMS is waiting for ours.</remarks>
public interface IOcppCallHandler
{
    /// <returns>The response (of <paramref name="action"/>'s response type), or an error for a CALLERROR.
    /// An exception becomes a CALLERROR InternalError.</returns>
    ValueTask<OcppCallOutcome> HandleAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken);
}
