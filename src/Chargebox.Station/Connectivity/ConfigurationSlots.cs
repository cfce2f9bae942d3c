namespace Chargebox.Station.Connectivity;

/// <summary>The configuration slots this station has for network connection profiles (B09). Slot 1 holds the
/// connection the station was installed with (<see cref="ChargingStationOptions"/>) until the CSMS writes
/// another profile there.</summary>
internal static class ConfigurationSlots
{
    /// <summary>The installation profile's slot, and NetworkConfigurationPriority's default.</summary>
    public const int Installed = 1;

    /// <summary>Not a slot the CSMS can use: where the store remembers the installation's connection of the
    /// last start, to notice when the installer changed it.</summary>
    public const int InstallationRecord = 0;

    public const int Lowest = 1;

    // OCPPCommCtrlr.ActiveNetworkProfile reports the slot in use and allows at most 9.
    public const int Highest = 9;

    public static bool IsSupported(int slot) => slot is >= Lowest and <= Highest;
}
