using Chargebox.Station.Transactions;

namespace Chargebox.Station.Tests.Transactions;

public sealed class TxPointsTests
{
    private static HashSet<string> Points(params string[] points) => new(points, StringComparer.Ordinal);

    private static EvseSession Session(bool connected = false, bool authorized = false, bool demanding = false, bool deauthorized = false) =>
        new(1, 1, 32m) { EvConnected = connected, Authorized = authorized, EvDemanding = demanding, Deauthorized = deauthorized };

    [Theory]
    [InlineData("EVConnected", true, false, false, true)]
    [InlineData("EVConnected", false, true, false, false)]
    [InlineData("Authorized", false, true, false, true)]
    [InlineData("PowerPathClosed", true, false, false, false)]
    [InlineData("PowerPathClosed", true, true, false, true)]
    [InlineData("EnergyTransfer", true, true, false, false)]
    [InlineData("EnergyTransfer", true, true, true, true)]
    [InlineData("ParkingBayOccupancy", true, true, true, false)]
    public void E01_StartPointReached(string point, bool connected, bool authorized, bool demanding, bool expected) =>
        Assert.Equal(expected, TxPoints.StartReached(Points(point), Session(connected, authorized, demanding)));

    [Fact]
    public void E01_FirstOfSeveralStartPointsWins() =>
        Assert.True(TxPoints.StartReached(Points("PowerPathClosed", "EVConnected"), Session(connected: true)));

    [Fact]
    public void E06_AuthorizedStopPointHoldsForATransactionNeverAuthorized()
    {
        // A transaction started on EVConnected has no token yet; that alone must not end it.
        Assert.False(TxPoints.StopReached(Points("EVConnected", "Authorized"), Session(connected: true)));
        Assert.True(TxPoints.StopReached(Points("EVConnected", "Authorized"), Session(connected: true, deauthorized: true)));
        Assert.True(TxPoints.StopReached(Points("EVConnected", "Authorized"), Session(connected: false, authorized: true)));
    }

    [Fact]
    public void E06_EnergyTransferStopPoint_EndsWhenTheEvSuspends()
    {
        Assert.False(TxPoints.StopReached(Points("EnergyTransfer"), Session(true, true, demanding: true)));
        Assert.True(TxPoints.StopReached(Points("EnergyTransfer"), Session(true, true, demanding: false)));
    }
}
