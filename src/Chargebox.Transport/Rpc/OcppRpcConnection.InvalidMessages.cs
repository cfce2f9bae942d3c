using Chargebox.Protocol.Framing;

namespace Chargebox.Transport.Rpc;

// Each inbound message that is not valid OCPP is told to the owner (OcppRpcOptions.InvalidMessageReceived),
// which logs the security event InvalidMessages (Part 2 Appendix 1). The description names what was wrong
// and the error code, never the payload: the security log may be read by anyone allowed GetLog.
public sealed partial class OcppRpcConnection
{
    private const int MaxActionNameInDescription = 40;

    private void ReportInvalidMessage(OcppErrorCode code, string what)
    {
        if (_options.InvalidMessageReceived is not { } observer)
        {
            return;
        }

        try
        {
            observer($"{code}: {what}");
        }
        catch (Exception ex)
        {
            // The owner's trouble must not end the receive loop.
            RpcLog.InvalidMessageObserverFailed(_logger, ex, StationId);
        }
    }

    /// <summary>An action name as the CSMS sent it, cut short: an unknown name is any text the peer chose.</summary>
    private static string Named(string action) =>
        action.Length <= MaxActionNameInDescription ? action : string.Concat(action.AsSpan(0, MaxActionNameInDescription), "...");
}
