using Chargebox.Host.Runtime;
using Chargebox.Station;
using Chargebox.Station.Storage;
using Chargebox.Storage;

namespace Chargebox.Host.Fleet;

/// <summary>Many simulated stations in one process (docs/fleet.md). They share nothing but the logger factory
/// and the clock: each has its own store, hardware, connection, <see cref="Random"/> and driver. Stations
/// are started at the ramp's pace so a CSMS is not hit by every (TLS) handshake at once.</summary>
internal sealed class StationFleet : IAsyncDisposable
{
    private readonly FleetOptions _options;
    private readonly ChargingStationOptions _template;
    private readonly TimeProvider _time;
    private readonly List<FleetMember> _members = [];
    private readonly Lock _membersLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _ramp;

    /// <param name="options">The fleet's options.</param>
    /// <param name="template">Every station's options but its identity and randomness (CSMS, credentials,
    /// profile, logger factory, clock).</param>
    public StationFleet(FleetOptions options, ChargingStationOptions template)
    {
        _options = options;
        _template = template with { DiagnosticsLogCapacity = 0 };
        _time = template.TimeProvider;
    }

    public FleetCounters Counters { get; } = new();

    /// <summary>Completes when every station has been started (or the start failed or was stopped).</summary>
    public Task Started => _ramp ?? Task.CompletedTask;

    /// <summary>Starts the first station now (so a wrong data directory or profile the simulator cannot model
    /// is reported at once) and the rest at the ramp's pace in the background.</summary>
    /// <exception cref="ArgumentException">The simulator cannot model the profile's layout.</exception>
    /// <exception cref="StationStoreException">The data directory cannot be used.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StartMemberAsync(1, cancellationToken).ConfigureAwait(false);
        _ramp = Task.Run(() => RampAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>The fleet's state now: asks every started station for its status.</summary>
    public async Task<FleetSummary> GetSummaryAsync(CancellationToken cancellationToken)
    {
        FleetMember[] members;
        lock (_membersLock)
        {
            members = [.. _members];
        }

        var statuses = await Task.WhenAll(members.Select(m => m.GetStatusAsync(cancellationToken))).ConfigureAwait(false);
        return new FleetSummary(
            _options.Count,
            members.Length,
            statuses.Count(s => s is { Connected: true }),
            statuses.Count(FleetMember.IsAccepted),
            statuses.Count(FleetMember.IsCharging),
            Counters.TransactionsStarted,
            Counters.TransactionsEnded,
            Counters.Errors);
    }

    /// <summary>The started station with this identity, or null.</summary>
    public SimulatedStation? Find(string identity)
    {
        lock (_membersLock)
        {
            return _members.Find(m => m.Identity == identity)?.Station;
        }
    }

    /// <summary>Stops the ramp, then every station at once, each closing its connection normally.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_ramp is not null)
        {
            await _ramp.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        FleetMember[] members;
        lock (_membersLock)
        {
            members = [.. _members];
            _members.Clear();
        }

        await Task.WhenAll(members.Select(m => m.DisposeAsync().AsTask())).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RampAsync(CancellationToken cancellationToken)
    {
        var begin = _time.GetTimestamp();
        for (var number = 2; number <= _options.Count && !cancellationToken.IsCancellationRequested; number++)
        {
            // Station n starts (n - 1) / ramp seconds after the first, whatever the previous starts took.
            var due = TimeSpan.FromSeconds((number - 1) / (double)_options.Ramp) - _time.GetElapsedTime(begin);
            try
            {
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due, _time, cancellationToken).ConfigureAwait(false);
                }

                await StartMemberAsync(number, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is StationStoreException or IOException or InvalidOperationException)
            {
                // One station that cannot start (its store file, say) does not stop the others.
                Counters.Error();
            }
        }
    }

    private async Task StartMemberAsync(int number, CancellationToken cancellationToken)
    {
        var identity = StationIdentities.For(_options.IdPrefix, number, _options.Count);
        var seed = unchecked((_options.Seed * 1_000_003) + number);
        var options = _template with { Identity = identity, Random = new Random(seed) };
        string? directory = _options.DataDirectory is { } root ? Path.Combine(root, identity) : null;
        IStationStore store = directory is null
            ? new InMemoryStationStore()
            : await SqliteStationStore.OpenAsync(directory, cancellationToken).ConfigureAwait(false);
        SimulatedStation station;
        try
        {
            station = await SimulatedStation.StartAsync(options, store, directory, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // The driver has a Random of its own, so its draws do not depend on what the station draws.
        var sessions = new ChargeSessions(new Random(~seed), _options.ChargeTime, _options.PauseTime, Counters, _time);
        var member = new FleetMember(station, _options.Scenario, sessions);
        lock (_membersLock)
        {
            _members.Add(member);
        }

        member.Start();
    }
}
