using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DisplayMessages;

internal sealed partial class DisplayMessageBlock
{
    /// <summary>What the display shows now, front first: an AlwaysFront message alone; else the InFront messages
    /// (newest first) ahead of the NormalCycle messages (in the order they were set).
    /// A message shows only between its startDateTime and endDateTime (O01.FR.06, O01.FR.07) and, with a state,
    /// only while the station is in that state.</summary>
    public IReadOnlyList<DisplayedMessage> Shown()
    {
        var now = _services.Clock.GetUtcNow();
        var state = DisplayState.Of(_availability, _transactions, _services.Hardware.Evses.Select(e => e.EvseId));
        var visible = _messages
            .Where(m => (m.StartDateTime is not { } start || start <= now)
                && (m.EndDateTime is not { } end || end > now)
                && (m.State is not { } wanted || wanted == state))
            .ToList();

        var front = visible.FindLast(m => m.Priority == MessagePriorityEnumType.AlwaysFront);
        IEnumerable<MessageInfoType> shown = front is not null
            ? [front]
            : visible.Where(m => m.Priority == MessagePriorityEnumType.InFront).Reverse()
                .Concat(visible.Where(m => m.Priority == MessagePriorityEnumType.NormalCycle));
        return [.. shown.Select(m => new DisplayedMessage(m.Id, m.Priority, m.Message.Format, m.Message.Content, m.TransactionId))];
    }
}
