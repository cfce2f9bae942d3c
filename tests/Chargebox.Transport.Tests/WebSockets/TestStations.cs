using Chargebox.Testing.Csms;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Transport.Tests.WebSockets;

/// <summary>Shared pieces of the socket tests: patience for real-socket waits and the usual options.</summary>
internal static class TestStations
{
    public const string Identity = "CS001";
    public const string Password = "s3cret-Passw0rd-16+";

    /// <summary>An upper bound for real-socket waits; the tests normally finish in milliseconds.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static ConnectionOptions Profile1(TestCsms csms, string password = Password) => new()
    {
        CsmsUrl = csms.Url,
        StationIdentity = Identity,
        SecurityProfile = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication,
        BasicAuthPassword = password,
    };

    public static async Task<(IOcppChannel Channel, TestStationConnection Station)> ConnectProfile1Async(TestCsms csms)
    {
        var channel = await new OcppWebSocketConnector().ConnectAsync(Profile1(csms), CancellationToken.None);
        var station = await csms.WaitForConnectionAsync(Identity, Patience);
        return (channel, station);
    }
}
