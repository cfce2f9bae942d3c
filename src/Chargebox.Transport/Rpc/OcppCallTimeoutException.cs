namespace Chargebox.Transport.Rpc;

/// <summary>A CALL got no CALLRESULT or CALLERROR within OCPPCommCtrlr.MessageTimeout; it counts as timed
/// out (Part 4, 4.1.1) and the next CALL may go. The request may or may not have reached the CSMS.</summary>
public sealed class OcppCallTimeoutException : TimeoutException
{
    public OcppCallTimeoutException(string action, string messageId, TimeSpan timeout)
        : base($"{action} ({messageId}) got no answer within {timeout.TotalSeconds:0.###} s.")
    {
        Action = action;
        MessageId = messageId;
        Timeout = timeout;
    }

    public string Action { get; }

    public string MessageId { get; }

    public TimeSpan Timeout { get; }
}
