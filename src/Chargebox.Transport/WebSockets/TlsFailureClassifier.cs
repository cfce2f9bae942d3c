using System.Security.Authentication;

namespace Chargebox.Transport.WebSockets;

/// <summary>Tells apart why a TLS handshake failed, as far as the TLS library's error says it, so the station
/// can raise the right security event (InvalidTLSVersion, InvalidTLSCipherSuite) instead of a generic one.</summary>
internal static class TlsFailureClassifier
{
    public static bool IsTlsFailure(Exception exception) => Find<AuthenticationException>(exception) is not null;

    public static OcppConnectFailure Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var text = e.Message;
            // OpenSSL: "unsupported protocol", "wrong version number", "tlsv1 alert protocol version";
            // SChannel: "The client and server cannot communicate, because they do not possess a common algorithm" covers both.
            if (text.Contains("protocol version", StringComparison.OrdinalIgnoreCase)
                || text.Contains("unsupported protocol", StringComparison.OrdinalIgnoreCase)
                || text.Contains("wrong version number", StringComparison.OrdinalIgnoreCase)
                || text.Contains("no protocols available", StringComparison.OrdinalIgnoreCase))
            {
                return OcppConnectFailure.InvalidTlsVersion;
            }

            if (text.Contains("no shared cipher", StringComparison.OrdinalIgnoreCase)
                || text.Contains("no ciphers available", StringComparison.OrdinalIgnoreCase)
                || text.Contains("no cipher", StringComparison.OrdinalIgnoreCase))
            {
                return OcppConnectFailure.InvalidTlsCipherSuite;
            }
        }

        return OcppConnectFailure.TlsHandshakeFailed;
    }

    public static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message;
    }

    private static T? Find<T>(Exception exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
