using System.Text.RegularExpressions;

namespace Chargebox.Transport.Rpc;

/// <summary>Masks the secrets a frame can carry before it is logged: the value of a SetVariables that
/// sets SecurityCtrlr.BasicAuthPassword, and the APN / VPN passwords and keys of SetNetworkProfile.</summary>
/// <remarks>Text-level on purpose: it must also work on frames that do not parse. It masks too much rather
/// than too little (every attributeValue of a frame that names BasicAuthPassword).</remarks>
internal static partial class FrameRedactor
{
    public const string Mask = "***";

    public static string Redact(string frame)
    {
        if (frame.Contains("BasicAuthPassword", StringComparison.OrdinalIgnoreCase))
        {
            frame = AttributeValue().Replace(frame, $"$1\"{Mask}\"");
        }

        if (frame.Contains("password", StringComparison.OrdinalIgnoreCase) || frame.Contains("\"key\"", StringComparison.Ordinal))
        {
            frame = NetworkSecret().Replace(frame, $"$1\"{Mask}\"");
        }

        return frame;
    }

    // "attributeValue" : "<anything, escapes included>"
    [GeneratedRegex("(\"attributeValue\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeValue();

    [GeneratedRegex("(\"(?:apnPassword|password|key)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NetworkSecret();
}
