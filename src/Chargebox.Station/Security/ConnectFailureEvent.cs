using Chargebox.Transport.WebSockets;

namespace Chargebox.Station.Security;

/// <summary>The security event a failed connection attempt is, if any (A00: the station reports a CSMS
/// certificate it refused, A00.FR.313/A00.FR.412, and a TLS version or cipher suite below the specification's).</summary>
internal static class ConnectFailureEvent
{
    public static string? For(Exception failure) => failure is OcppConnectException connect
        ? connect.Failure switch
        {
            OcppConnectFailure.InvalidCsmsCertificate => SecurityEventType.InvalidCsmsCertificate,
            OcppConnectFailure.InvalidTlsVersion => SecurityEventType.InvalidTlsVersion,
            OcppConnectFailure.InvalidTlsCipherSuite => SecurityEventType.InvalidTlsCipherSuite,
            OcppConnectFailure.Unauthorized => SecurityEventType.FailedToAuthenticateAtCsms,
            _ => null,
        }
        : null;
}
