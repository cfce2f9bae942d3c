using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Security;

/// <summary>Security events written to the station's log only: what a station has before its security
/// log and SecurityEventNotification delivery are wired in.</summary>
internal sealed partial class LoggedSecurityEvents : ISecurityEvents
{
    private readonly ILogger _logger;

    public LoggedSecurityEvents(ILogger logger) => _logger = logger;

    public void Raise(string type, string? techInfo = null) => LogRaised(_logger, type, techInfo ?? string.Empty);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Security event {Type}: {TechInfo}")]
    private static partial void LogRaised(ILogger logger, string type, string techInfo);
}
