using Chargebox.Protocol;

namespace Chargebox.Station.Runtime;

/// <summary>The station's connection and registration state as the link of its outboxes.</summary>
internal sealed class StationOutboxLink(StationServices services) : IOutboxLink
{
    public bool CanSend => services.CanSendToCsms;

    public bool IsOnline => services.Link.IsOnline;

    public void Send<TResponse>(
        IOcppRequest<TResponse> request,
        Func<TResponse, CancellationToken, ValueTask> onResult,
        Func<Exception, CancellationToken, ValueTask> onFailure)
        where TResponse : class, IOcppResponse =>
        services.Link.Send(request, onResult, onFailure);
}
