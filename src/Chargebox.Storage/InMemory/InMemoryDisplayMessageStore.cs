using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryDisplayMessageStore(InMemoryState state) : IDisplayMessageStore
{
    private readonly Dictionary<int, MessageInfoType> _messages = [];

    public ValueTask<IReadOnlyList<MessageInfoType>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyList<MessageInfoType>>([.. _messages.Values]);
        }
    }

    public ValueTask SaveAsync(MessageInfoType message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _messages[message.Id] = message;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(int messageId, CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _messages.Remove(messageId);
        }

        return ValueTask.CompletedTask;
    }
}
