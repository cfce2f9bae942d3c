using Chargebox.Protocol.Messages;
using Chargebox.Station.Reservation;

namespace Chargebox.Station.Tests.Reservation;

public sealed class ActiveReservationTests
{
    private static readonly IdTokenType Token = new() { IdToken = "04C0FFEE01", Type = IdTokenEnumType.ISO14443 };
    private static readonly IdTokenType Group = new() { IdToken = "GROUP-1", Type = IdTokenEnumType.Central };

    private static ActiveReservation Reservation(IdTokenType? group = null) =>
        new(5, new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero), Token, group, 1, "cType2");

    [Fact]
    public void H03_FR_01_the_reserved_token_matches_whatever_its_case()
    {
        Assert.True(Reservation().IsFor(new IdTokenType { IdToken = "04c0ffee01", Type = IdTokenEnumType.ISO14443 }, null));
        Assert.False(Reservation().IsFor(new IdTokenType { IdToken = "04C0FFEE01", Type = IdTokenEnumType.Central }, null));
    }

    [Fact]
    public void H03_FR_04_another_token_matches_only_through_the_reservations_group()
    {
        var other = new IdTokenType { IdToken = "04C0FFEE02", Type = IdTokenEnumType.ISO14443 };
        Assert.True(Reservation(Group).IsFor(other, Group));
        Assert.False(Reservation(Group).IsFor(other, null));
        Assert.False(Reservation().IsFor(other, Group));
    }

    [Fact]
    public void The_stored_form_comes_back_the_same()
    {
        var reservation = Reservation(Group);
        var back = ActiveReservation.From(reservation.ToStored());
        Assert.NotNull(back);
        Assert.Equal(reservation.ToStored(), back.ToStored());
    }

    [Fact]
    public void A_stored_token_type_this_version_does_not_know_is_dropped() =>
        Assert.Null(ActiveReservation.From(Reservation().ToStored() with { IdTokenType = "Nonsense" }));
}
