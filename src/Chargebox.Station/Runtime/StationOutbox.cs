using System.Text.Json.Serialization.Metadata;
using Chargebox.Protocol;

namespace Chargebox.Station.Runtime;

/// <summary>Makes a station's outboxes: its persistent queue, its connection, its loop and its clock.</summary>
internal static class StationOutbox
{
    public static PersistentOutbox<TRequest, TResponse> For<TRequest, TResponse>(
        StationServices services, OcppAction action, JsonTypeInfo<TRequest> typeInfo, OutboxRetryPolicy policy)
        where TRequest : class, IOcppRequest<TResponse>
        where TResponse : class, IOcppResponse =>
        new(services.Store.MessageQueue, new StationOutboxLink(services), services.Inbox, services.Clock.Inner, action, typeInfo, policy);
}
