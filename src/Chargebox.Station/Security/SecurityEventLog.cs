using Chargebox.Station.Runtime;
using Chargebox.Station.Storage;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Security;

/// <summary>The station's security events (A04): each one is kept in the persisted, bounded security log
/// (A04.FR.01) and, when critical, handed to <see cref="Notifications"/> for the CSMS (A04.FR.02). Raised on
/// the loop; the writing runs as the loop's next work item, so events keep the order they were raised in.</summary>
internal sealed partial class SecurityEventLog : ISecurityEvents, ISecurityLog
{
    /// <summary>How many entries the log keeps; the oldest go first (a flood of events must not fill the disk).</summary>
    public const int Capacity = 1000;

    // SecurityEventNotificationRequest: type is at most 50 characters, techInfo at most 255.
    private const int MaxTypeLength = 50;
    private const int MaxTechInfoLength = 255;

    private readonly ISecurityLogStore _store;
    private readonly TimeProvider _clock;
    private readonly StationInbox _inbox;
    private readonly ILogger _logger;
    private readonly string _stationId;

    public SecurityEventLog(string stationId, ISecurityLogStore store, TimeProvider clock, StationInbox inbox, ILogger logger)
    {
        _stationId = stationId;
        _store = store;
        _clock = clock;
        _inbox = inbox;
        _logger = logger;
    }

    /// <summary>Where critical events go to be sent to the CSMS; null keeps them in the log only.</summary>
    public SecurityEventNotifications? Notifications { get; set; }

    public void Raise(string type, string? techInfo = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        var record = new SecurityLogRecord(_clock.GetUtcNow(), Truncate(type, MaxTypeLength)!, Truncate(techInfo, MaxTechInfoLength));
        LogRaised(_logger, _stationId, record.Type, record.TechInfo ?? string.Empty);
        _inbox.Post(ct => RecordAsync(record, ct));
    }

    public async ValueTask<IReadOnlyList<SecurityLogEntry>> ReadAsync(DateTimeOffset? oldest, DateTimeOffset? latest, CancellationToken cancellationToken)
    {
        var records = await _store.ReadAsync(oldest, latest, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(r => new SecurityLogEntry(r.Timestamp, r.Type, r.TechInfo))];
    }

    private async ValueTask RecordAsync(SecurityLogRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await _store.AppendAsync(record, Capacity, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The notification to the CSMS is still worth sending when the log cannot be written.
            LogNotStored(_logger, _stationId, record.Type, ex.Message);
        }

        if (Notifications is { } notifications && SecurityEventType.IsCritical(record.Type))
        {
            await notifications.EnqueueAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    [LoggerMessage(EventId = 3901, Level = LogLevel.Information, Message = "Station {StationId}: security event {Type}: {TechInfo}")]
    private static partial void LogRaised(ILogger logger, string stationId, string type, string techInfo);

    [LoggerMessage(EventId = 3902, Level = LogLevel.Error, Message = "Station {StationId}: security event {Type} could not be written to the security log: {Reason}")]
    private static partial void LogNotStored(ILogger logger, string stationId, string type, string reason);
}
