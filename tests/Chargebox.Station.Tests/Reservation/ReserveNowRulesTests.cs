using Chargebox.Protocol.Messages;
using Chargebox.Station.Reservation;
using static Chargebox.Station.Reservation.EvseCondition;

namespace Chargebox.Station.Tests.Reservation;

public sealed class ReserveNowRulesTests
{
    [Theory]
    [InlineData(nameof(Free), ReserveNowStatusEnumType.Accepted)]
    [InlineData(nameof(Reserved), ReserveNowStatusEnumType.Occupied)] // H01.FR.11
    [InlineData(nameof(Occupied), ReserveNowStatusEnumType.Occupied)] // H01.FR.13
    [InlineData(nameof(Faulted), ReserveNowStatusEnumType.Faulted)] // H01.FR.12
    [InlineData(nameof(Unavailable), ReserveNowStatusEnumType.Unavailable)] // H01.FR.14
    public void A_specific_EVSE_answers_from_its_condition(string condition, ReserveNowStatusEnumType expected) =>
        Assert.Equal(expected, ReserveNowRules.ForEvse(Enum.Parse<EvseCondition>(condition)));

    [Fact]
    public void H01_FR_20_an_unspecified_EVSE_is_accepted_only_while_more_EVSEs_are_free_than_reservations_hold()
    {
        Assert.Equal(ReserveNowStatusEnumType.Accepted, ReserveNowRules.ForAnyEvse([Free, Free], 1));
        Assert.Equal(ReserveNowStatusEnumType.Occupied, ReserveNowRules.ForAnyEvse([Free, Free], 2));
        Assert.Equal(ReserveNowStatusEnumType.Occupied, ReserveNowRules.ForAnyEvse([Free, Reserved], 1));
    }

    [Fact]
    public void An_unspecified_EVSE_says_why_no_EVSE_can_take_it()
    {
        Assert.Equal(ReserveNowStatusEnumType.Occupied, ReserveNowRules.ForAnyEvse([Occupied, Faulted], 0));
        Assert.Equal(ReserveNowStatusEnumType.Faulted, ReserveNowRules.ForAnyEvse([Faulted, Faulted], 0));
        Assert.Equal(ReserveNowStatusEnumType.Unavailable, ReserveNowRules.ForAnyEvse([Unavailable, Faulted], 0));
    }
}
