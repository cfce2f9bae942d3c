using System.Text.Json.Serialization;

namespace Chargebox.Station.Profiles;

/// <summary>Describes one charging station: identity as reported in BootNotification, the EVSE and
/// connector layout, and device-model values that differ from the catalogue defaults. Read from JSON by
/// <see cref="StationProfileLoader"/> (format: docs/station-profile.md). Properties have setters, not
/// init accessors, because source-generated JSON would otherwise reset absent fields to null instead of
/// keeping these defaults; treat a loaded profile as read-only.</summary>
public sealed record StationProfile
{
    public string Vendor { get; set; } = "Chargebox";

    public string Model { get; set; } = "Chargebox AC";

    public string? SerialNumber { get; set; }

    public string FirmwareVersion { get; set; } = "0.1.0";

    /// <summary>The EVSEs, ids 1, 2, ... in order.</summary>
    public IReadOnlyList<EvseProfile> Evses { get; set; } = [];

    /// <summary>Whether the station takes reservations (functional block H): adds ReservationCtrlr to the device
    /// model and serves ReserveNow and CancelReservation. Off for the reference station, which answers those
    /// with CALLERROR NotSupported.</summary>
    public bool Reservation { get; set; }

    /// <summary>Device-model values that replace the catalogue defaults.</summary>
    public IReadOnlyList<VariableOverride> Variables { get; set; } = [];

    /// <summary>The Local Authorization List and its limits; null (the default) = the station has no list.</summary>
    public LocalAuthListProfile? LocalAuthList { get; set; }

    /// <summary>The display for CSMS messages (functional block O); null (the default) = the station has none.</summary>
    public DisplayProfile? Display { get; set; }

    /// <summary>Whether the display shows tariff and cost (functional block I, TariffCostCtrlr); needs a
    /// <see cref="Display"/>. False (the default): no TariffCostCtrlr, CostUpdated answered CALLERROR NotSupported.</summary>
    public bool TariffCost { get; set; }

    /// <summary>The reference station of PICS.md: 1 EVSE, 1 connector cType1 on a fixed cable, AC,
    /// 1 phase, 230 V, 32 A. A new instance on every call: profiles are mutable objects and must not be
    /// shared between stations.</summary>
    public static StationProfile Reference => new()
    {
        Evses =
        [
            new EvseProfile
            {
                Id = 1,
                CurrentType = "AC",
                Phases = 1,
                Voltage = 230,
                MaxCurrent = 32,
                Connectors = [new ConnectorProfile { Id = 1, Type = "cType1", FixedCable = true }],
            },
        ],
    };
}

/// <summary>One EVSE. AC: <see cref="Phases"/> (1 to 3), <see cref="Voltage"/> per phase and
/// <see cref="MaxCurrent"/> per phase give the maximum power unless <see cref="MaxPower"/> is set.
/// DC: <see cref="MaxPower"/> is required and phases are not used.</summary>
public sealed record EvseProfile
{
    public int Id { get; set; }

    /// <summary><c>AC</c> or <c>DC</c>.</summary>
    public string CurrentType { get; set; } = "AC";

    public int Phases { get; set; } = 1;

    /// <summary>Volts (AC: per phase, line to neutral).</summary>
    public decimal Voltage { get; set; } = 230;

    /// <summary>Amperes (AC: per phase).</summary>
    public decimal MaxCurrent { get; set; } = 32;

    /// <summary>Watts; required for DC.</summary>
    public decimal? MaxPower { get; set; }

    /// <summary>The connectors, ids 1, 2, ... in order.</summary>
    public IReadOnlyList<ConnectorProfile> Connectors { get; set; } = [];

    [JsonIgnore]
    public bool IsDc => string.Equals(CurrentType, "DC", StringComparison.OrdinalIgnoreCase);

    /// <summary>The maximum power in watts this EVSE can deliver.</summary>
    [JsonIgnore]
    public decimal EffectiveMaxPower => MaxPower ?? (IsDc ? 0 : Voltage * MaxCurrent * Phases);

    /// <summary>AC phases connected; 0 for DC.</summary>
    [JsonIgnore]
    public int SupplyPhases => IsDc ? 0 : Phases;
}

/// <summary>One connector of an EVSE.</summary>
public sealed record ConnectorProfile
{
    public int Id { get; set; }

    /// <summary>A ConnectorEnumType value (e.g. <c>cType1</c>, <c>cCCS2</c>, <c>sType2</c>) or one of the
    /// extra types of the appendices: <c>cGBT</c>, <c>cChaoJi</c>, <c>OppCharge</c>.</summary>
    public string Type { get; set; } = "";

    /// <summary>True for a cable fixed to the station, false for a socket the driver plugs a cable into.</summary>
    public bool FixedCable { get; set; } = true;
}

/// <summary>A device-model value given by the profile, for the Actual attribute of a variable.</summary>
public sealed record VariableOverride
{
    public string Component { get; set; } = "";

    public string? ComponentInstance { get; set; }

    public int? EvseId { get; set; }

    public int? ConnectorId { get; set; }

    public string Variable { get; set; } = "";

    public string? Instance { get; set; }

    public string Value { get; set; } = "";
}
