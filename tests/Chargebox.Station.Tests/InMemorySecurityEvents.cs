using Chargebox.Station.Security;

namespace Chargebox.Station.Tests;

/// <summary>Security events kept in a list, for block tests that build StationServices by hand and do not
/// exercise the persisted security log or its notifications.</summary>
internal sealed class InMemorySecurityEvents : ISecurityEvents, ISecurityLog
{
    private readonly TimeProvider _clock;
    private readonly List<SecurityLogEntry> _entries = [];

    public InMemorySecurityEvents(TimeProvider clock) => _clock = clock;

    public IReadOnlyList<SecurityLogEntry> Entries => _entries;

    public void Raise(string type, string? techInfo = null) => _entries.Add(new SecurityLogEntry(_clock.GetUtcNow(), type, techInfo));

    public ValueTask<IReadOnlyList<SecurityLogEntry>> ReadAsync(DateTimeOffset? oldest, DateTimeOffset? latest, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SecurityLogEntry>>(
            [.. _entries.Where(e => (oldest is null || e.Timestamp >= oldest) && (latest is null || e.Timestamp <= latest))]);
}
