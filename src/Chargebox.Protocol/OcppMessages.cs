namespace Chargebox.Protocol;

/// <summary>A request payload of one OCPP 2.0.1 action; the generated request types implement it.</summary>
public interface IOcppRequest
{
    /// <summary>The action this request belongs to (its name, schemas and JSON type information).</summary>
    OcppAction Action { get; }
}

/// <summary>A request whose CALLRESULT payload is <typeparamref name="TResponse"/>; lets a caller write
/// <c>await rpc.CallAsync(new HeartbeatRequest())</c> and get a <c>HeartbeatResponse</c> back.</summary>
public interface IOcppRequest<TResponse> : IOcppRequest where TResponse : class, IOcppResponse
{
}

/// <summary>A response payload of one OCPP 2.0.1 action; the generated response types implement it.</summary>
public interface IOcppResponse
{
}
