using Chargebox.Station.MeterValues;

namespace Chargebox.Station.Tests.MeterValues;

/// <summary>J01: clock-aligned boundaries are whole intervals from midnight (UTC).</summary>
public sealed class ClockAlignedTimerTests
{
    private static readonly TimeSpan QuarterHour = TimeSpan.FromMinutes(15);

    [Theory]
    [InlineData("2026-03-01T08:07:12Z", "2026-03-01T08:15:00Z")]
    [InlineData("2026-03-01T08:15:00Z", "2026-03-01T08:30:00Z")]
    [InlineData("2026-03-01T23:59:59Z", "2026-03-02T00:00:00Z")]
    public void Next_is_the_first_quarter_hour_strictly_after_now(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ClockAlignedTimer.Next(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), QuarterHour));

    [Fact]
    public void An_interval_that_does_not_divide_the_day_restarts_at_midnight()
    {
        var sevenMinutes = TimeSpan.FromMinutes(7);

        // 1435 minutes is a multiple of 7 (205 × 7), the next boundary would be 1442 minutes: midnight comes first.
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 55, 0, TimeSpan.Zero), ClockAlignedTimer.Last(new DateTimeOffset(2026, 3, 1, 23, 58, 0, TimeSpan.Zero), sevenMinutes));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), ClockAlignedTimer.Last(new DateTimeOffset(2026, 3, 2, 0, 3, 0, TimeSpan.Zero), sevenMinutes));
    }

    [Fact]
    public void Boundaries_are_in_UTC_whatever_the_offset_of_now()
    {
        var now = new DateTimeOffset(2026, 3, 1, 9, 7, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 15, 0, TimeSpan.Zero), ClockAlignedTimer.Next(now, QuarterHour));
    }
}
