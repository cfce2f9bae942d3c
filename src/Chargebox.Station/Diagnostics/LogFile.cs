using System.Globalization;
using System.Text;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Security;

namespace Chargebox.Station.Diagnostics;

/// <summary>The text of an uploaded log file and its name. The format is not prescribed (N01); one line per
/// entry, UTC timestamps first, so that the file sorts and greps.</summary>
internal static class LogFile
{
    /// <summary>"&lt;identity&gt;-&lt;logType&gt;-&lt;UTC time&gt;.log", safe as a file name on any server.</summary>
    public static string Name(string stationId, LogEnumType logType, DateTimeOffset now)
    {
        var safeId = string.Concat(stationId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return $"{safeId}-{logType}-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.log";
    }

    public static string Diagnostics(string header, IEnumerable<DiagnosticsLogEntry> entries)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var entry in entries)
        {
            text.Append(Timestamp(entry.Timestamp)).Append(' ').Append(entry.Level.ToString().ToUpperInvariant())
                .Append(' ').Append(entry.Category).Append(": ").Append(OneLine(entry.Message)).Append('\n');
        }

        return text.ToString();
    }

    public static string Security(string header, IEnumerable<SecurityLogEntry> entries)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var entry in entries)
        {
            text.Append(Timestamp(entry.Timestamp)).Append(' ').Append(entry.Type);
            if (!string.IsNullOrEmpty(entry.TechInfo))
            {
                text.Append(' ').Append(OneLine(entry.TechInfo));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Header(string stationId, LogEnumType logType, DateTimeOffset? oldest, DateTimeOffset? latest, DateTimeOffset now) =>
        $"# {logType} of charging station {stationId}, entries from {(oldest is { } o ? Timestamp(o) : "the first")} to {(latest is { } l ? Timestamp(l) : "the last")}, written {Timestamp(now)}";

    private static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string OneLine(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
