namespace Chargebox.Station.Security;

/// <summary>One entry of the station's security log (A04.FR.01: every security event is stored).</summary>
internal sealed record SecurityLogEntry(DateTimeOffset Timestamp, string Type, string? TechInfo);

/// <summary>Reads the security log, for GetLog with logType SecurityLog (N01).</summary>
internal interface ISecurityLog
{
    /// <summary>The entries between <paramref name="oldest"/> and <paramref name="latest"/> (both inclusive,
    /// either may be null), oldest first.</summary>
    ValueTask<IReadOnlyList<SecurityLogEntry>> ReadAsync(DateTimeOffset? oldest, DateTimeOffset? latest, CancellationToken cancellationToken);
}
