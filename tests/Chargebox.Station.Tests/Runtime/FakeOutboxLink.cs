using Chargebox.Protocol;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.Tests.Runtime;

/// <summary>A link the test answers by hand: every send is recorded, and its outcome goes into the station's
/// inbox as the real link's does.</summary>
internal sealed class FakeOutboxLink(StationInbox inbox, TimeProvider time) : IOutboxLink
{
    public bool CanSend { get; set; } = true;

    public bool IsOnline { get; set; } = true;

    public List<SentCall> Calls { get; } = [];

    public void Send<TResponse>(
        IOcppRequest<TResponse> request,
        Func<TResponse, CancellationToken, ValueTask> onResult,
        Func<Exception, CancellationToken, ValueTask> onFailure)
        where TResponse : class, IOcppResponse =>
        Calls.Add(new SentCall(
            request,
            time.GetUtcNow(),
            response => inbox.Post(ct => onResult((TResponse)response, ct)),
            failure => inbox.Post(ct => onFailure(failure, ct))));

    /// <summary>One send: answer it with <see cref="Answer"/> or fail it with <see cref="Fail"/>, once.</summary>
    internal sealed record SentCall(IOcppRequest Request, DateTimeOffset SentAt, Action<IOcppResponse> Answer, Action<Exception> Fail);
}
