using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Chargebox.Transport.Rpc;

namespace Chargebox.Station.Runtime;

/// <summary>Serves the CSMS's CALLs: each one is handed to the handler its functional block registered, on
/// the station's loop. An action no block registered is answered NotSupported.</summary>
internal sealed class CsmsCallRouter : IOcppCallHandler
{
    private readonly StationInbox _inbox;
    private readonly Dictionary<Type, Func<IOcppRequest, CancellationToken, ValueTask<IOcppResponse>>> _handlers = [];
    private List<Action>? _afterAnswer;

    public CsmsCallRouter(StationInbox inbox) => _inbox = inbox;

    /// <summary>Decides, on the loop, whether CSMS calls are served at all right now; null serves them.
    /// Used while the CSMS has rejected the station (B03).</summary>
    public Func<OcppAction, OcppCallOutcome?>? Gate { get; set; }

    /// <summary>Registers the handler of one request type. Called while the station is built.</summary>
    public void On<TRequest, TResponse>(Func<TRequest, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        _handlers.Add(typeof(TRequest), async (request, ct) => await handler((TRequest)request, ct).ConfigureAwait(false));
    }

    /// <summary>Registers a synchronous handler.</summary>
    public void On<TRequest, TResponse>(Func<TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse
    {
        _handlers.Add(typeof(TRequest), (request, _) => ValueTask.FromResult<IOcppResponse>(handler((TRequest)request)));
    }

    public bool Serves(Type requestType) => _handlers.ContainsKey(requestType);

    /// <summary>Called by a handler: run <paramref name="work"/> on the loop once the response to the
    /// current CALL has been sent (a triggered message goes after the TriggerMessageResponse, F06.FR.xx).</summary>
    public void AfterAnswer(Action work) => (_afterAnswer ??= []).Add(work);

    public ValueTask<OcppCallOutcome> HandleAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken)
    {
        return new ValueTask<OcppCallOutcome>(_inbox.InvokeAsync(ct => ServeAsync(action, request, ct), cancellationToken));
    }

    private async ValueTask<OcppCallOutcome> ServeAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken)
    {
        // The gate comes first: while rejected, even an action the station does not implement is a
        // SecurityError (B03.FR.08), not NotSupported.
        if (Gate?.Invoke(action) is { } refused)
        {
            return refused;
        }

        if (!_handlers.TryGetValue(request.GetType(), out var handler))
        {
            return OcppCallOutcome.NotSupported(action);
        }

        _afterAnswer = null;
        try
        {
            var outcome = OcppCallOutcome.Result(await handler(request, cancellationToken).ConfigureAwait(false));
            if (_afterAnswer is { } followUps)
            {
                outcome = outcome.Then(() => _inbox.Post(() => followUps.ForEach(work => work())));
            }

            return outcome;
        }
        catch (CsmsCallRefusedException refusal)
        {
            return OcppCallOutcome.Error(refusal.ErrorCode, refusal.Message);
        }
        finally
        {
            _afterAnswer = null;
        }
    }
}

/// <summary>Thrown by a handler to answer a CSMS call with a CALLERROR instead of a response: the request is
/// valid JSON for its schema but breaks a rule the schema cannot express (e.g. more items than
/// ItemsPerMessageGetVariables). Business refusals are responses with a status, never this.</summary>
internal sealed class CsmsCallRefusedException : Exception
{
    public CsmsCallRefusedException(OcppErrorCode errorCode, string description)
        : base(description)
    {
        ErrorCode = errorCode;
    }

    public OcppErrorCode ErrorCode { get; }
}
