using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Testing.Csms;

/// <summary>One WebSocket upgrade request the test CSMS received, accepted or not: what the station presented
/// and what the CSMS answered. Tests assert on credentials here (never on log output).</summary>
public sealed record CsmsConnectionAttempt(
    DateTimeOffset Timestamp,
    string Identity,
    string RequestTarget,
    string? BasicAuthUser,
    string? BasicAuthPassword,
    X509Certificate2? ClientCertificate,
    IReadOnlyList<string> RequestedSubProtocols,
    int StatusCode,
    string? AcceptedSubProtocol);
