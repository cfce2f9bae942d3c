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

    public ValueTask<OcppCallOutcome> HandleAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(request.GetType(), out var handler))
        {
            return ValueTask.FromResult(OcppCallOutcome.NotSupported(action));
        }

        return new ValueTask<OcppCallOutcome>(_inbox.InvokeAsync(ct => ServeAsync(action, handler, request, ct), cancellationToken));
    }

    private async ValueTask<OcppCallOutcome> ServeAsync(
        OcppAction action,
        Func<IOcppRequest, CancellationToken, ValueTask<IOcppResponse>> handler,
        IOcppRequest request,
        CancellationToken cancellationToken)
    {
        if (Gate?.Invoke(action) is { } refused)
        {
            return refused;
        }

        try
        {
            return OcppCallOutcome.Result(await handler(request, cancellationToken).ConfigureAwait(false));
        }
        catch (CsmsCallRefusedException refusal)
        {
            return OcppCallOutcome.Error(refusal.ErrorCode, refusal.Message);
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
