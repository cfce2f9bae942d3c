using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.Connectivity;
using Chargebox.Station.MeterValues;
using Chargebox.Station.Provisioning;
using Chargebox.Station.RemoteControl;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.Transactions;

/// <summary>Connects the transaction block to the blocks built before it, in one place, so the station
/// facade only calls this: Occupied connectors, scheduled availability and resets waiting for the end of a
/// transaction, delivery resuming when the CSMS is reachable, remote start/stop, unlock and triggers.</summary>
internal static class TransactionWiring
{
    public static void Connect(
        StationServices services,
        TransactionBlock transactions,
        AvailabilityBlock availability,
        ResetBlock reset,
        TriggerMessageBlock trigger,
        BootSequence boot,
        ConnectivityBlock connectivity)
    {
        availability.EvseInUse = transactions.IsInUse;
        availability.EvseOccupied = transactions.IsOccupied;
        reset.EndTransactions = transactions.EndTransactionsAsync;
        reset.DeliveryPending = () => transactions.Queue.Count > 0 && services.Link.IsOnline;
        transactions.Queue.Drained += reset.OnDeliveryDone;
        transactions.OnTransactionEnded(_ =>
        {
            reset.OnTransactionEnded();
            return ValueTask.CompletedTask;
        });

        // E04: queued events go out as soon as the station is accepted, at boot and after every reconnect.
        boot.Accepted += transactions.Queue.Pump;
        connectivity.OnlineChanged += online =>
        {
            if (online)
            {
                transactions.Queue.Pump();
            }
            else
            {
                // Offline: what is queued is kept and delivered after the reboot (E04), which need not wait.
                reset.OnDeliveryDone();
            }
        };

        _ = new RequestStartStopBlock(services, transactions);
        _ = new UnlockConnectorBlock(services, transactions);
        _ = new GetTransactionStatusBlock(services, transactions);
        var meterValues = new TriggeredMeterValues(services);
        trigger.Register(MessageTriggerEnumType.MeterValues, meterValues.Trigger);
        trigger.Register(MessageTriggerEnumType.TransactionEvent, request =>
        {
            var evses = transactions.EvsesWithTransaction(request.Evse?.Id);
            if (evses.Count == 0)
            {
                return TriggerMessageStatusEnumType.Rejected;
            }

            services.Router.AfterAnswer(() => services.Inbox.Post(async ct =>
            {
                foreach (var evseId in evses)
                {
                    await transactions.SendTriggeredAsync(evseId, ct).ConfigureAwait(false);
                }
            }));
            return TriggerMessageStatusEnumType.Accepted;
        });
    }
}
