using Chargebox.Protocol;
using Chargebox.Protocol.Framing;

namespace Chargebox.Transport.Rpc;

/// <summary>What an <see cref="IOcppCallHandler"/> answers: a response, sent as CALLRESULT, or an error,
/// sent as CALLERROR. Business refusals (status Rejected) are responses, not errors (Part 4, 4.2.2).</summary>
public readonly struct OcppCallOutcome
{
    private OcppCallOutcome(IOcppResponse? response, OcppErrorCode errorCode, string? errorDescription, Action? afterAnswered = null)
    {
        Response = response;
        ErrorCode = errorCode;
        ErrorDescription = errorDescription;
        AfterAnswered = afterAnswered;
    }

    /// <summary>The response; null for an error (and for <c>default</c>, which the RPC layer answers with InternalError).</summary>
    public IOcppResponse? Response { get; }

    public OcppErrorCode ErrorCode { get; }

    public string? ErrorDescription { get; }

    public bool IsError => Response is null;

    /// <summary>Runs once the answer has been written to the connection, e.g. to send the message a
    /// TriggerMessage asked for only after its TriggerMessageResponse (F06.FR.xx: respond first).</summary>
    public Action? AfterAnswered { get; }

    /// <summary>This outcome with <paramref name="afterAnswered"/> to run once it has been sent.</summary>
    public OcppCallOutcome Then(Action? afterAnswered) => new(Response, ErrorCode, ErrorDescription, afterAnswered);

    public static OcppCallOutcome Result(IOcppResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(response, default, null);
    }

    public static OcppCallOutcome Error(OcppErrorCode code, string description) => new(null, code, description ?? "");

    /// <summary>The answer for an action the station recognises but does not serve.</summary>
    public static OcppCallOutcome NotSupported(OcppAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Error(OcppErrorCode.NotSupported, $"{action.Name} is not supported by this charging station.");
    }
}
