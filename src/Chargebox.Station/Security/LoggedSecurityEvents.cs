using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Security;

/// <summary>Security events kept in memory and written to the station's log: what a station has before its
/// persisted security log and SecurityEventNotification delivery are wired in. Used on the station's loop.</summary>
internal sealed partial class LoggedSecurityEvents : ISecurityEvents, ISecurityLog
{
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly List<SecurityLogEntry> _entries = [];

    public LoggedSecurityEvents(ILogger logger, TimeProvider clock)
    {
        _logger = logger;
        _clock = clock;
    }

    public void Raise(string type, string? techInfo = null)
    {
        _entries.Add(new SecurityLogEntry(_clock.GetUtcNow(), type, techInfo));
        LogRaised(_logger, type, techInfo ?? string.Empty);
    }

    public ValueTask<IReadOnlyList<SecurityLogEntry>> ReadAsync(DateTimeOffset? oldest, DateTimeOffset? latest, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SecurityLogEntry>>(
            [.. _entries.Where(e => (oldest is null || e.Timestamp >= oldest) && (latest is null || e.Timestamp <= latest))]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security event {Type}: {TechInfo}")]
    private static partial void LogRaised(ILogger logger, string type, string techInfo);
}
