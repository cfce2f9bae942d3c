using System.Text.Json.Serialization.Metadata;
using Chargebox.Protocol;
using Chargebox.Protocol.Serialization;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Runtime;

/// <summary>Reading back the messages of one action that the persistent queue kept across a reboot
/// (transaction events, security event notifications): each queue owns its action's rows.</summary>
internal static class QueuedMessages
{
    /// <summary>The stored messages of <paramref name="action"/>, oldest first, read back into requests. A row
    /// that no longer reads is removed rather than blocking every later one.</summary>
    public static async ValueTask<IReadOnlyList<(QueuedMessage Stored, TRequest Request)>> LoadAsync<TRequest>(
        IMessageQueueStore queue, OcppAction action, JsonTypeInfo<TRequest> typeInfo, CancellationToken cancellationToken)
        where TRequest : class
    {
        var loaded = new List<(QueuedMessage, TRequest)>();
        foreach (var stored in await queue.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (stored.Action != action.Name)
            {
                continue;
            }

            if (OcppPayloadCodec.TryRead(stored.Payload.Span, action.RequestSchema, typeInfo, out var request, out _))
            {
                loaded.Add((stored, request));
            }
            else
            {
                await queue.RemoveAsync(stored.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        return loaded;
    }
}
