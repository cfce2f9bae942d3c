using Chargebox.Protocol;

namespace Chargebox.Testing.Csms;

/// <summary>A CALL the station sent, with its payload read into the generated request type; deconstructs
/// into (messageId, request).</summary>
public sealed class OcppCall<TRequest> where TRequest : class, IOcppRequest
{
    public OcppCall(OcppCall raw, TRequest request)
    {
        Raw = raw;
        Request = request;
    }

    /// <summary>The call as received, with its JSON payload.</summary>
    public OcppCall Raw { get; }

    public TRequest Request { get; }

    public string MessageId => Raw.MessageId;

    public void Deconstruct(out string messageId, out TRequest request)
    {
        messageId = Raw.MessageId;
        request = Request;
    }
}
