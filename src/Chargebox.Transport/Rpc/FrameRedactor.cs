using System.Text.RegularExpressions;

namespace Chargebox.Transport.Rpc;

/// <summary>Masks the secrets a frame or log line can carry before it is logged: the value of a SetVariables
/// that sets SecurityCtrlr.BasicAuthPassword, the APN / VPN passwords and keys of SetNetworkProfile, the
/// user:password of a URL (GetLog remoteLocation, UpdateFirmware location) and PEM private keys.</summary>
/// <remarks>Text-level on purpose: it must also work on frames that do not parse and on log lines that quote
/// an exception. It masks too much rather than too little (every attributeValue of a frame that names
/// BasicAuthPassword, the whole user information of a URL). Public because the station's diagnostics log
/// (GetLog DiagnosticsLog, N01) masks every line it captures the same way.</remarks>
public static partial class FrameRedactor
{
    public const string Mask = "***";

    public static string Redact(string frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Contains("BasicAuthPassword", StringComparison.OrdinalIgnoreCase))
        {
            frame = AttributeValue().Replace(frame, $"$1\"{Mask}\"");
        }

        if (frame.Contains("password", StringComparison.OrdinalIgnoreCase) || frame.Contains("\"key\"", StringComparison.Ordinal))
        {
            frame = NetworkSecret().Replace(frame, $"$1\"{Mask}\"");
        }

        if (frame.Contains('@', StringComparison.Ordinal))
        {
            frame = UrlUserInfo().Replace(frame, $"$1{Mask}@");
        }

        if (frame.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            frame = PrivateKey().Replace(frame, $"-----BEGIN PRIVATE KEY-----{Mask}-----END PRIVATE KEY-----");
        }

        return frame;
    }

    // "attributeValue" : "<anything, escapes included>"
    [GeneratedRegex("(\"attributeValue\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeValue();

    [GeneratedRegex("(\"(?:apnPassword|password|key)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NetworkSecret();

    // scheme://user:password@host, also with JSON's escaped slashes (scheme:\/\/): the user information ends at
    // the first '@' of the authority, which cannot hold '/', '?', '#', quotes or blanks (RFC 3986, 3.2).
    [GeneratedRegex("([A-Za-z][A-Za-z0-9+.\\-]*:(?:\\\\?/){2})[^/\\\\?#@\\s\"']+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlUserInfo();

    // A PEM private key of any kind (PKCS#8, RSA, EC, encrypted), whether its line breaks are real or escaped.
    [GeneratedRegex("-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex PrivateKey();
}
