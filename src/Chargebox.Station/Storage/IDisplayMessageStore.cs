using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Storage;

/// <summary>The display messages the CSMS set (O01, O02), kept across reboots (O01.FR.10) until they are
/// cleared, replaced, expire or their transaction ends.</summary>
public interface IDisplayMessageStore
{
    /// <summary>Every message saved and not removed, in no particular order.</summary>
    ValueTask<IReadOnlyList<MessageInfoType>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the message or replaces the one with the same id (O06.FR.01).</summary>
    ValueTask SaveAsync(MessageInfoType message, CancellationToken cancellationToken);

    /// <summary>Removes a message; removing an unknown id does nothing.</summary>
    ValueTask RemoveAsync(int messageId, CancellationToken cancellationToken);
}
