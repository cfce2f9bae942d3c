using Chargebox.Simulator;
using Chargebox.Station.Profiles;

namespace Chargebox.Host.Runtime;

/// <summary>The simulated hardware that matches a station profile's EVSE and connector layout.</summary>
internal static class SimulatorLayout
{
    /// <summary>Builds the simulator's options; a layout the simulator cannot model (e.g. 2 phases) gives a
    /// one-line message instead.</summary>
    public static SimulatedChargerOptions FromProfile(StationProfile profile) => new()
    {
        Evses = profile.Evses.Select(evse => new SimulatedEvseOptions
        {
            Id = evse.Id,
            SupplyType = evse.IsDc ? SimulatedSupplyType.DC : SimulatedSupplyType.AC,
            Phases = evse.IsDc ? 1 : evse.Phases,
            NominalVoltageV = evse.Voltage,
            MaxCurrentA = evse.MaxCurrent,
            // A socket's detachable cable is held by a lock; a fixed cable has none.
            Connectors = evse.Connectors.Select(c => new SimulatedConnectorOptions { Id = c.Id, HasLock = !c.FixedCable }).ToList(),
        }).ToList(),
    };
}
