using Chargebox.Station.Connectivity;

namespace Chargebox.Station.Tests.Connectivity;

public sealed class SlotRotationTests
{
    [Fact]
    public void B10_FR_01_the_first_attempt_uses_the_first_slot_of_the_priority()
    {
        var rotation = SlotRotation.FromPriority(["2", "1"], _ => true, fallback: 1);

        Assert.Equal(2, rotation.Current);
        Assert.Equal([2, 1], rotation.Priority);
    }

    [Fact]
    public void B10_FR_03_after_NetworkProfileConnectionAttempts_failures_the_next_slot_is_tried()
    {
        var rotation = new SlotRotation([2, 1]);

        rotation.AttemptFailed(2, attemptsPerSlot: 2);
        Assert.Equal(2, rotation.Current);
        rotation.AttemptFailed(2, attemptsPerSlot: 2);

        Assert.Equal(1, rotation.Current);
    }

    [Fact]
    public void B10_FR_08_after_the_last_slot_the_first_is_tried_again()
    {
        var rotation = new SlotRotation([3, 1, 2]);
        var tried = new List<int>();

        for (var attempt = 0; attempt < 7; attempt++)
        {
            tried.Add(rotation.Current);
            rotation.AttemptFailed(rotation.Current, attemptsPerSlot: 1);
        }

        Assert.Equal([3, 1, 2, 3, 1, 2, 3], tried);
    }

    [Fact]
    public void A_success_resets_the_failure_count_so_a_later_outage_gets_all_attempts_on_the_slot_in_use()
    {
        var rotation = new SlotRotation([2, 1]);
        rotation.AttemptFailed(2, attemptsPerSlot: 2);
        rotation.Connected();
        Assert.Equal(2, rotation.Active);

        rotation.Disconnected();
        rotation.AttemptFailed(2, attemptsPerSlot: 2);

        Assert.Null(rotation.Active);
        Assert.Equal(2, rotation.Current);
    }

    [Fact]
    public void After_a_fallback_the_station_reconnects_first_with_the_slot_it_was_connected_with()
    {
        var rotation = new SlotRotation([2, 1]);
        rotation.AttemptFailed(2, attemptsPerSlot: 1);
        rotation.Connected();

        rotation.Disconnected();

        Assert.Equal(1, rotation.Current);
    }

    [Fact]
    public void A_failure_reported_for_another_slot_than_the_current_one_is_not_counted()
    {
        var rotation = new SlotRotation([2, 1]);

        rotation.AttemptFailed(1, attemptsPerSlot: 1);

        Assert.Equal(2, rotation.Current);
    }

    [Fact]
    public void Priority_entries_that_are_not_usable_slots_are_skipped_and_repeats_ignored()
    {
        var rotation = SlotRotation.FromPriority(["4", "x", " 2", "-1", "2", "7"], slot => slot is 2 or 4, fallback: 1);

        Assert.Equal([4, 2], rotation.Priority);
    }

    [Fact]
    public void B10_FR_09_a_priority_without_a_usable_slot_falls_back_to_the_installed_slot()
    {
        var rotation = SlotRotation.FromPriority(["5", "6"], _ => false, fallback: 1);

        Assert.Equal([1], rotation.Priority);
    }

    [Fact]
    public void A_single_slot_is_kept_whatever_the_failures()
    {
        var rotation = new SlotRotation([1]);

        rotation.AttemptFailed(1, attemptsPerSlot: 1);
        rotation.AttemptFailed(1, attemptsPerSlot: 1);

        Assert.Equal(1, rotation.Current);
    }
}
