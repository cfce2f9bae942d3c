using Chargebox.Protocol.Framing;

namespace Chargebox.Station.DeviceModel;

/// <summary>What to answer a GetVariables or SetVariables CALL: either the response, or a CALLERROR
/// with its code and a description naming the offending field. A request over the station's limits is
/// not an exception, it is an answer.</summary>
internal sealed record BatchOutcome<TResponse>(TResponse? Response, OcppErrorCode? ErrorCode, string? ErrorDescription)
    where TResponse : class
{
    public static BatchOutcome<TResponse> Answer(TResponse response) => new(response, null, null);

    public static BatchOutcome<TResponse> CallError(OcppErrorCode code, string description) => new(null, code, description);
}
