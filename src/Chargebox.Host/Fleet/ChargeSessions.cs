using Chargebox.Host.Runtime;
using Chargebox.Protocol.Messages;
using Chargebox.Simulator;
using Chargebox.Station;

namespace Chargebox.Host.Fleet;

/// <summary>The charge scenario's driver for one station: after the boot is accepted, plug an EV into EVSE 1,
/// present the station's card, charge for a drawn time, unplug, pause for a drawn time, and again. The
/// draws come from the station's own seeded <see cref="Random"/>, so a fleet with the same seed replays the
/// same sessions. A step whose outcome does not show within <see cref="StepTimeout"/> counts as an error and
/// the session is cleared (unplugged) before the next one.</summary>
internal sealed class ChargeSessions(Random random, SecondsRange chargeTime, SecondsRange pauseTime, FleetCounters counters, TimeProvider time)
{
    private const int EvseId = 1;

    /// <summary>How often the driver looks at the station while waiting for something to happen.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a boot, a transaction's start or its end may take before it counts as an error.</summary>
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    public async Task RunAsync(SimulatedStation station, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await PlayOneAsync(station, cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidSimulatorOperationException)
                {
                    // The hardware was not as the driver thought (someone unplugged it meanwhile): count it, go on.
                    counters.Error();
                }

                await Task.Delay(pauseTime.Draw(random), time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The fleet is stopping: the station closes with whatever session it has.
        }
    }

    private async Task PlayOneAsync(SimulatedStation station, CancellationToken cancellationToken)
    {
        if (await WaitForAsync(station, FleetMember.IsAccepted, cancellationToken).ConfigureAwait(false) is null)
        {
            counters.Error();
            return;
        }

        try
        {
            station.Charger.Plug(EvseId);
            station.Charger.PresentToken(new IdTokenType { IdToken = StationIdentities.IdTokenFor(station.Identity), Type = IdTokenEnumType.Local }, EvseId);
        }
        catch (InvalidSimulatorOperationException)
        {
            // An EV left plugged in by an earlier session that went wrong: take it away and start over.
            station.Charger.Unplug(EvseId);
            counters.Error();
            return;
        }

        var started = await WaitForAsync(station, s => Transaction(s) is not null, cancellationToken).ConfigureAwait(false);
        if (started is null)
        {
            counters.Error();
            station.Charger.Unplug(EvseId);
            return;
        }

        counters.TransactionStarted();
        var transactionId = Transaction(started)!.TransactionId;
        await Task.Delay(chargeTime.Draw(random), time, cancellationToken).ConfigureAwait(false);
        station.Charger.Unplug(EvseId);
        if (await WaitForAsync(station, s => Transaction(s)?.TransactionId != transactionId, cancellationToken).ConfigureAwait(false) is null)
        {
            counters.Error();
            return;
        }

        counters.TransactionEnded();
    }

    private static TransactionStatus? Transaction(StationStatus status) =>
        status.Evses.FirstOrDefault(e => e.Id == EvseId)?.Transaction;

    /// <summary>Polls the station until <paramref name="condition"/> holds; null after <see cref="StepTimeout"/>.</summary>
    private async Task<StationStatus?> WaitForAsync(SimulatedStation station, Func<StationStatus, bool> condition, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + StepTimeout;
        while (true)
        {
            var (status, _) = await station.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            if (condition(status))
            {
                return status;
            }

            if (time.GetUtcNow() >= deadline)
            {
                return null;
            }

            await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
