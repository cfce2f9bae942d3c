using System.Text.Json;
using Chargebox.Protocol;

namespace Chargebox.Testing.Csms;

/// <summary>Typed helpers over the generated messages (<see cref="OcppJsonContext"/>, <see cref="OcppActions"/>).
/// They read and write payloads with the generated types but the frames are still built and parsed here.</summary>
public sealed partial class TestStationConnection
{
    /// <summary>Waits for a CALL whose action belongs to <typeparamref name="TRequest"/> and reads its payload.</summary>
    public async Task<OcppCall<TRequest>> ExpectCallAsync<TRequest>(TimeSpan timeout, CancellationToken cancellationToken = default)
        where TRequest : class, IOcppRequest
    {
        var action = OcppActions.ForRequestType(typeof(TRequest));
        var call = await ExpectCallAsync(action.Name, timeout, cancellationToken).ConfigureAwait(false);
        var request = call.Payload.Deserialize(action.RequestTypeInfo) as TRequest
            ?? throw new InvalidOperationException($"{Identity}: {action.Name} payload is null.");
        return new OcppCall<TRequest>(call, request);
    }

    /// <summary>Answers a typed CALL with a CALLRESULT made from a generated response.</summary>
    public Task ReplyAsync<TRequest>(OcppCall<TRequest> call, IOcppResponse response, CancellationToken cancellationToken = default)
        where TRequest : class, IOcppRequest =>
        ReplyAsync(call.Raw, response, cancellationToken);

    /// <summary>Answers a typed CALL with a CALLERROR.</summary>
    public Task ReplyErrorAsync<TRequest>(OcppCall<TRequest> call, string errorCode, string errorDescription = "", CancellationToken cancellationToken = default)
        where TRequest : class, IOcppRequest =>
        ReplyErrorAsync(call.Raw, errorCode, errorDescription, null, cancellationToken);

    /// <summary>Sends a generated request to the station and reads its CALLRESULT into the response type.</summary>
    /// <exception cref="InvalidOperationException">The station answered with a CALLERROR (use the untyped
    /// <see cref="CallAsync(string, object, TimeSpan, CancellationToken)"/> to assert on one).</exception>
    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request, TimeSpan timeout, CancellationToken cancellationToken = default)
        where TResponse : class, IOcppResponse
    {
        var action = request.Action;
        var outcome = await CallAsync(action.Name, request, timeout, cancellationToken).ConfigureAwait(false);
        if (outcome.IsError)
        {
            throw new InvalidOperationException($"{Identity} answered {action.Name} with CALLERROR {outcome.ErrorCode}: {outcome.ErrorDescription}");
        }

        return outcome.Payload.Deserialize(action.ResponseTypeInfo) as TResponse
            ?? throw new InvalidOperationException($"{Identity}: {action.Name} response payload is null.");
    }

    private static string SerializeGenerated(object payload) => payload switch
    {
        IOcppRequest request => JsonSerializer.Serialize(request, request.Action.RequestTypeInfo),
        IOcppResponse response => JsonSerializer.Serialize(response, OcppActions.ForResponseType(response.GetType()).ResponseTypeInfo),
        _ => JsonSerializer.Serialize(payload, payload.GetType()),
    };
}
