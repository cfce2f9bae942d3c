using System.Globalization;
using Chargebox.Host.Runtime;
using Chargebox.Protocol.Messages;
using Chargebox.Simulator;

namespace Chargebox.Host.Demo;

/// <summary>The scripted session: the station boots, an EV is plugged in, the driver presents the demo
/// card, the EV charges, stops and is unplugged. Each step waits for what the CSMS must receive for it;
/// what the station sends besides (Authorize, TransactionEvent once transactions exist) shows up in the
/// timeline by itself, since the timeline prints every message the CSMS receives.</summary>
internal sealed class DemoScript(DemoCsms csms, SimulatedStation station, DemoTimeline timeline, TimeProvider time)
{
    public const string DemoIdToken = "DEMO-CARD-0001";
    private const int EvseId = 1;

    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long the station gets to act on the card before the script goes on.</summary>
    private static readonly TimeSpan CardTime = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan ChargingTime = TimeSpan.FromSeconds(2);

    /// <summary>Time for the last messages of the session (the end of a transaction) to arrive.</summary>
    private static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(500);

    /// <summary>Plays the session; false (with a line saying what was missing) when the CSMS did not receive
    /// what a step must cause.</summary>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        timeline.Step($"station {station.Identity} powers up and connects to {csms.Url}");
        if (await ExpectAsync(0, "BootNotification", m => m.Action == "BootNotification", BootTimeout, cancellationToken).ConfigureAwait(false) is not { } boot
            || await ExpectAsync(boot, "StatusNotification Available", IsStatus("Available"), StepTimeout, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var mark = csms.Received.Count;
        timeline.Step($"EV plugged into EVSE {EvseId}");
        station.Charger.Plug(EvseId, ev: new SimulatedEvOptions { DemandsPowerOnPlug = false });
        if (await ExpectAsync(mark, "StatusNotification Occupied", IsStatus("Occupied"), StepTimeout, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        mark = csms.Received.Count;
        timeline.Step($"driver presents card {DemoIdToken} at the reader");
        station.Charger.PresentToken(new IdTokenType { IdToken = DemoIdToken, Type = IdTokenEnumType.ISO14443 }, EvseId);
        var acted = await csms.Received.WaitForAsync(mark, m => m.Action is "Authorize" or "TransactionEvent", CardTime, time, cancellationToken).ConfigureAwait(false);
        if (acted is null)
        {
            timeline.Note("(the station does not act on cards yet: authorization and transactions are the next milestone)");
        }

        timeline.Step("EV starts drawing power");
        station.Charger.SetEvCharging(EvseId, true);
        await Task.Delay(ChargingTime, time, cancellationToken).ConfigureAwait(false);
        var meter = station.Charger.GetStatus(EvseId);
        timeline.Note(string.Create(CultureInfo.InvariantCulture, $"meter on EVSE {EvseId}: {meter.EnergyWh:0.###} Wh, {meter.PowerW:0} W, relay {(meter.RelayClosed ? "closed" : "open")}"));

        timeline.Step("EV suspends charging");
        station.Charger.SetEvCharging(EvseId, false);
        mark = csms.Received.Count;
        timeline.Step($"EV unplugged from EVSE {EvseId}");
        station.Charger.Unplug(EvseId);
        if (await ExpectAsync(mark, "StatusNotification Available", IsStatus("Available"), StepTimeout, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        await Task.Delay(SettleTime, time, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Func<DemoMessage, bool> IsStatus(string status) => message =>
        message.Action == "StatusNotification" && message.Payload["connectorStatus"]?.GetValue<string>() == status;

    /// <summary>Waits for a message from position <paramref name="from"/> on; returns the position after it.</summary>
    private async Task<int?> ExpectAsync(int from, string what, Func<DemoMessage, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var found = await csms.Received.WaitForAsync(from, match, timeout, time, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            timeline.Note($"the CSMS did not receive {what} within {timeout.TotalSeconds:0} s");
            return null;
        }

        var all = csms.Received.Snapshot();
        for (var i = from; i < all.Count; i++)
        {
            if (ReferenceEquals(all[i], found))
            {
                return i + 1;
            }
        }

        return all.Count;
    }
}
