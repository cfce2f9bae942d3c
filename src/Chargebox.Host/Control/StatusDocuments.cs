using Chargebox.Protocol.Messages;
using Chargebox.Simulator;
using Chargebox.Station;

namespace Chargebox.Host.Control;

/// <summary>Turns the station's status and the simulator's meter figures into the status document.</summary>
internal static class StatusDocuments
{
    public static StatusDocument From(StationStatus station, IReadOnlyList<SimulatedEvseStatus> hardware) => new(
        station.StationId,
        station.Connected,
        station.Registration?.ToWireString() ?? "Unknown",
        station.Evses.Select(evse => new EvseDocument(
            evse.Id,
            evse.Connectors.Select(c => new ConnectorDocument(c.Id, c.Status.ToWireString())).ToList(),
            evse.Transaction is { } tx ? new TransactionDocument(tx.TransactionId, tx.ChargingState?.ToWireString()) : null,
            Meter(hardware.FirstOrDefault(h => h.EvseId == evse.Id)))).ToList(),
        station.Display?.Select(m => new DisplayDocument(m.Id, m.Priority.ToWireString(), m.Format.ToWireString(), m.Content, m.TransactionId)).ToList(),
        station.Cost?.Select(c => new CostDocument(c.TransactionId, c.Tariff, c.Cost, c.Currency, c.Final, c.CostMessage)).ToList());

    private static MeterDocument Meter(SimulatedEvseStatus? evse) => evse is null
        ? new MeterDocument(0, 0, 0, 0)
        : new MeterDocument(
            evse.EnergyWh,
            evse.PowerW,
            evse.CurrentA.Count == 0 ? 0 : evse.CurrentA.Max(),
            evse.VoltageV.Count == 0 ? 0 : evse.VoltageV[0]);
}
