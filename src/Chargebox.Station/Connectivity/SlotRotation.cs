using System.Globalization;

namespace Chargebox.Station.Connectivity;

/// <summary>Which configuration slot the next connection attempt uses (B10): the slots of
/// NetworkConfigurationPriority in order, each for NetworkProfileConnectionAttempts failed attempts, then the
/// next; after the last, the first again. The waiting between attempts is the Part 4 back-off, whatever the
/// slot (C-47). Used only on the loop.</summary>
internal sealed class SlotRotation
{
    private int _index;
    private int _failures;

    private readonly List<int> _priority;

    public SlotRotation(IReadOnlyList<int> priority)
    {
        ArgumentOutOfRangeException.ThrowIfZero(priority.Count);
        _priority = [.. priority];
    }

    /// <summary>The slots in the order they are tried.</summary>
    public IReadOnlyList<int> Priority => _priority;

    /// <summary>The slot for the next attempt.</summary>
    public int Current => Priority[_index];

    /// <summary>The slot of the connection that is open now; null while offline.</summary>
    public int? Active { get; private set; }

    /// <summary>The slots of a NetworkConfigurationPriority value that the station can connect with, in order,
    /// without repeats; <paramref name="fallback"/> alone when none can be (a bad priority must not strand the
    /// station, B10.FR.09).</summary>
    public static SlotRotation FromPriority(IEnumerable<string> entries, Func<int, bool> usable, int fallback)
    {
        var slots = new List<int>();
        foreach (var entry in entries)
        {
            if (int.TryParse(entry.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var slot) && !slots.Contains(slot) && usable(slot))
            {
                slots.Add(slot);
            }
        }

        return new SlotRotation(slots.Count > 0 ? slots : [fallback]);
    }

    /// <summary>An attempt with <paramref name="slot"/> failed. After <paramref name="attemptsPerSlot"/> failures
    /// in a row on the current slot the next one in the priority list is tried (B10.FR.03), and after the last,
    /// the first again (B10.FR.08, B10.FR.09: never stop trying).</summary>
    public void AttemptFailed(int slot, int attemptsPerSlot)
    {
        if (slot != Current)
        {
            return;
        }

        if (++_failures >= Math.Max(1, attemptsPerSlot))
        {
            _index = (_index + 1) % Priority.Count;
            _failures = 0;
        }
    }

    /// <summary>Keeps only the slots <paramref name="keep"/> accepts (never the last one, nor the current
    /// slot), in their order; the current slot stays current (A05: no fallback to a weaker profile).</summary>
    public void Retain(Func<int, bool> keep)
    {
        var current = Current;
        _priority.RemoveAll(slot => slot != current && !keep(slot));
        _index = _priority.IndexOf(current);
    }

    /// <summary>Connected with the current slot.</summary>
    public void Connected()
    {
        Active = Current;
        _failures = 0;
    }

    /// <summary>The connection is gone: reconnecting starts with the slot it used (B10.FR.03 counts the failed
    /// attempts per slot from here).</summary>
    public void Disconnected()
    {
        Active = null;
        _failures = 0;
    }
}
