using Chargebox.Transport.Reconnect;

namespace Chargebox.Transport.Tests.Reconnect;

public sealed class RetryBackOffPolicyTests
{
    private static readonly RetryBackOffSettings Settings = RetryBackOffSettings.FromSeconds(waitMinimum: 10, randomRange: 5, repeatTimes: 3);

    [Fact]
    public void First_attempt_waits_the_minimum_plus_at_most_the_random_range()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var delay = new RetryBackOffPolicy(Settings, new Random(seed)).NextDelay();
            Assert.InRange(delay, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
        }
    }

    [Fact]
    public void Back_off_doubles_after_every_failed_attempt_then_stays_after_RepeatTimes()
    {
        var policy = new RetryBackOffPolicy(Settings, new Random(1));
        var backOffs = new List<double>();
        for (var attempt = 0; attempt < 7; attempt++)
        {
            backOffs.Add(policy.NextBackOff.TotalSeconds);
            policy.NextDelay();
        }

        Assert.Equal([10, 20, 40, 80, 80, 80, 80], backOffs);
    }

    [Fact]
    public void Every_attempt_adds_a_new_random_value_within_the_range()
    {
        var policy = new RetryBackOffPolicy(Settings, new Random(42));
        var randomParts = new HashSet<TimeSpan>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var backOff = policy.NextBackOff;
            var random = policy.NextDelay() - backOff;
            Assert.InRange(random, TimeSpan.Zero, TimeSpan.FromSeconds(5));
            randomParts.Add(random);
        }

        Assert.True(randomParts.Count > 1, "the random part must change between attempts");
    }

    [Fact]
    public void Same_seed_gives_the_same_delays()
    {
        var first = new RetryBackOffPolicy(Settings, new Random(7));
        var second = new RetryBackOffPolicy(Settings, new Random(7));
        Assert.Equal(Enumerable.Range(0, 5).Select(_ => first.NextDelay()), Enumerable.Range(0, 5).Select(_ => second.NextDelay()));
    }

    [Fact]
    public void Reset_after_a_successful_connection_starts_again_from_the_minimum()
    {
        var policy = new RetryBackOffPolicy(Settings, new Random(3));
        policy.NextDelay();
        policy.NextDelay();
        policy.NextDelay();

        policy.Reset();

        Assert.Equal(0, policy.Attempts);
        Assert.InRange(policy.NextDelay(), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void Zero_random_range_gives_exact_back_offs()
    {
        var policy = new RetryBackOffPolicy(RetryBackOffSettings.FromSeconds(3, 0, 2), new Random(5));
        Assert.Equal([3, 6, 12, 12], Enumerable.Range(0, 4).Select(_ => policy.NextDelay().TotalSeconds));
    }

    [Fact]
    public void Huge_RepeatTimes_is_capped_instead_of_overflowing()
    {
        var policy = new RetryBackOffPolicy(RetryBackOffSettings.FromSeconds(60, 0, 1000), new Random(5));
        for (var attempt = 0; attempt < 100; attempt++)
        {
            Assert.InRange(policy.NextDelay(), TimeSpan.FromSeconds(60), TimeSpan.FromDays(1));
        }
    }

    [Fact]
    public void Negative_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBackOffPolicy(RetryBackOffSettings.FromSeconds(-1, 0, 0), new Random(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryBackOffPolicy(RetryBackOffSettings.FromSeconds(1, 0, -1), new Random(1)));
    }
}
