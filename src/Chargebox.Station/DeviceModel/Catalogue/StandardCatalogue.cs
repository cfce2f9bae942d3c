using Chargebox.Protocol.Messages;
using static Chargebox.Protocol.Messages.MutabilityEnumType;

namespace Chargebox.Station.DeviceModel.Catalogue;

/// <summary>The standardized controller variables (Part 2 appendices, dm_components_vars.csv) that the
/// Core and Advanced Security profiles need, plus the optional ones the certification test cases read,
/// with the reference station's values and limits (PICS.md). Per-EVSE and per-connector variables come
/// from the layout (<see cref="LayoutCatalogue"/>).</summary>
internal static class StandardCatalogue
{
    /// <summary>The measurands of C-40, the ones this station can sample.</summary>
    public const string Measurands = "Energy.Active.Import.Register,Voltage,Current.Import,Power.Active.Import,Current.Offered";

    /// <summary>TxStartPoint / TxStopPoint options of C-09 / C-10.</summary>
    public const string TxPoints = "EVConnected,Authorized,PowerPathClosed,EnergyTransfer";

    public const string AvailabilityStates = "Available,Occupied,Reserved,Unavailable,Faulted";

    public static IReadOnlyList<VariableSpec> Controllers { get; } =
    [
        // OCPPCommCtrlr
        Int("OCPPCommCtrlr", "HeartbeatInterval", "300", ReadWrite, 1, 86400, "s"),
        Int("OCPPCommCtrlr", "MessageTimeout", "30", ReadOnly, 1, null, "s", instance: "Default"),
        Int("OCPPCommCtrlr", "MessageAttemptInterval", "30", ReadWrite, 30, 30, "s", instance: "TransactionEvent"),
        Int("OCPPCommCtrlr", "MessageAttempts", "3", ReadWrite, 1, 10, instance: "TransactionEvent"),
        Int("OCPPCommCtrlr", "NetworkProfileConnectionAttempts", "3", ReadWrite, 1, 100),
        // B10: a new priority applies when the station reconnects after a reset (TC_B_45 allows RebootRequired).
        new("OCPPCommCtrlr", "NetworkConfigurationPriority", null, new(VariableDataType.String, MaxLimit: 100), ReadWrite, "1", RebootRequired: true),
        Int("OCPPCommCtrlr", "ActiveNetworkProfile", "0", ReadOnly, 0, 9) with { Persistent = false },
        Int("OCPPCommCtrlr", "OfflineThreshold", "300", ReadWrite, 0, 86400, "s"),
        Bool("OCPPCommCtrlr", "QueueAllMessages", "false", ReadOnly), // C-21: only transaction messages are queued
        Int("OCPPCommCtrlr", "ResetRetries", "2", ReadWrite, 0, 10),
        Int("OCPPCommCtrlr", "RetryBackOffRandomRange", "10", ReadWrite, 0, 3600, "s"),
        Int("OCPPCommCtrlr", "RetryBackOffRepeatTimes", "3", ReadWrite, 0, 20),
        Int("OCPPCommCtrlr", "RetryBackOffWaitMinimum", "10", ReadWrite, 0, 3600, "s"),
        Int("OCPPCommCtrlr", "WebSocketPingInterval", "60", ReadWrite, 60, 60, "s"),
        new("OCPPCommCtrlr", "FileTransferProtocols", null, new(VariableDataType.MemberList, ValuesList: "FTP,HTTP,HTTPS,FTPS"), ReadOnly, "FTP,HTTP,HTTPS,FTPS") { Constant = true },
        Option("OCPPCommCtrlr", "PublicKeyWithSignedMeterValue", "Never", ReadWrite, "Never,OncePerTransaction,EveryMeterValue"),

        // DeviceDataCtrlr: PICS limits and the schema maxima of attributeValue (1000) and reported values (2500).
        Int("DeviceDataCtrlr", "ItemsPerMessage", "30", ReadOnly, instance: "GetReport") with { Constant = true },
        Int("DeviceDataCtrlr", "ItemsPerMessage", "30", ReadOnly, instance: "GetVariables") with { Constant = true },
        Int("DeviceDataCtrlr", "ItemsPerMessage", "30", ReadOnly, instance: "SetVariables") with { Constant = true },
        Int("DeviceDataCtrlr", "BytesPerMessage", "1048576", ReadOnly, instance: "GetReport") with { Constant = true },
        Int("DeviceDataCtrlr", "BytesPerMessage", "1048576", ReadOnly, instance: "GetVariables") with { Constant = true },
        Int("DeviceDataCtrlr", "BytesPerMessage", "1048576", ReadOnly, instance: "SetVariables") with { Constant = true },
        Int("DeviceDataCtrlr", "ConfigurationValueSize", "1000", ReadOnly) with { Constant = true },
        Int("DeviceDataCtrlr", "ReportingValueSize", "2500", ReadOnly) with { Constant = true },
        Int("DeviceDataCtrlr", "ValueSize", "2500", ReadOnly) with { Constant = true },

        // AuthCtrlr: C-01, C-02, C-08, C-48, C-58
        Bool("AuthCtrlr", "Enabled", "true", ReadWrite),
        Bool("AuthCtrlr", "AuthorizeRemoteStart", "false", ReadWrite),
        Bool("AuthCtrlr", "LocalAuthorizeOffline", "true", ReadWrite),
        Bool("AuthCtrlr", "LocalPreAuthorize", "false", ReadWrite),
        Bool("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "false", ReadWrite),
        Bool("AuthCtrlr", "DisableRemoteAuthorization", "false", ReadWrite),
        new("AuthCtrlr", "MasterPassGroupId", null, new(VariableDataType.String, MaxLimit: 36), ReadWrite, ""),

        // AuthCacheCtrlr: C-49, C-53, C-59; no replacement policy choice (C-54)
        Bool("AuthCacheCtrlr", "Available", "true", ReadOnly) with { Constant = true },
        Bool("AuthCacheCtrlr", "Enabled", "true", ReadWrite),
        Int("AuthCacheCtrlr", "LifeTime", "86400", ReadWrite, 0, null, "s"),
        Int("AuthCacheCtrlr", "Storage", "0", ReadOnly, 0, 1048576, "B") with { Persistent = false },
        Bool("AuthCacheCtrlr", "DisablePostAuthorize", "false", ReadWrite),

        // LocalAuthListCtrlr: from the station profile (LocalAuthListCatalogue).

        // TxCtrlr: C-03, C-09/C-10, C-51/C-52
        Int("TxCtrlr", "EVConnectionTimeOut", "120", ReadWrite, 1, 3600, "s"),
        Int("TxCtrlr", "MaxEnergyOnInvalidId", "0", ReadWrite, 0, null, "Wh"),
        Bool("TxCtrlr", "StopTxOnEVSideDisconnect", "true", ReadWrite),
        Bool("TxCtrlr", "StopTxOnInvalidId", "true", ReadWrite),
        Bool("TxCtrlr", "TxBeforeAcceptedEnabled", "false", ReadWrite),
        Members("TxCtrlr", "TxStartPoint", "PowerPathClosed", ReadWrite, TxPoints),
        Members("TxCtrlr", "TxStopPoint", "EVConnected,Authorized", ReadWrite, TxPoints),

        // SampledDataCtrlr: C-40, C-42; PICS TxUpdatedInterval 10..3600 s
        Bool("SampledDataCtrlr", "Available", "true", ReadOnly) with { Constant = true },
        Bool("SampledDataCtrlr", "Enabled", "true", ReadWrite),
        Bool("SampledDataCtrlr", "SignReadings", "false", ReadWrite),
        Int("SampledDataCtrlr", "TxEndedInterval", "0", ReadWrite, 0, 3600, "s"),
        Members("SampledDataCtrlr", "TxEndedMeasurands", "Energy.Active.Import.Register", ReadWrite, Measurands),
        Members("SampledDataCtrlr", "TxStartedMeasurands", "Energy.Active.Import.Register", ReadWrite, Measurands),
        Int("SampledDataCtrlr", "TxUpdatedInterval", "60", ReadWrite, 10, 3600, "s"),
        Members("SampledDataCtrlr", "TxUpdatedMeasurands", "Energy.Active.Import.Register,Voltage,Current.Import,Power.Active.Import", ReadWrite, Measurands),

        // AlignedDataCtrlr: C-28, C-40
        Bool("AlignedDataCtrlr", "Available", "true", ReadOnly) with { Constant = true },
        Bool("AlignedDataCtrlr", "Enabled", "true", ReadWrite),
        Int("AlignedDataCtrlr", "Interval", "900", ReadWrite, 0, 86400, "s"),
        Members("AlignedDataCtrlr", "Measurands", "Energy.Active.Import.Register", ReadWrite, Measurands),
        Bool("AlignedDataCtrlr", "SendDuringIdle", "false", ReadWrite),
        Bool("AlignedDataCtrlr", "SignReadings", "false", ReadWrite),
        Int("AlignedDataCtrlr", "TxEndedInterval", "0", ReadWrite, 0, 86400, "s"),
        Members("AlignedDataCtrlr", "TxEndedMeasurands", "Energy.Active.Import.Register", ReadWrite, Measurands),

        // SecurityCtrlr: BasicAuthPassword is write-only and 16..40 characters (Part 2 appendix 3.1.15).
        new("SecurityCtrlr", "BasicAuthPassword", null, new(VariableDataType.PasswordString, MinLimit: 16, MaxLimit: 40), WriteOnly, null),
        // The identity is part of the CSMS URL: it applies when the station reconnects after a reboot.
        new("SecurityCtrlr", "Identity", null, new(VariableDataType.IdentifierString, MaxLimit: 48), ReadWrite, "chargebox", RebootRequired: true),
        Int("SecurityCtrlr", "SecurityProfile", "2", ReadOnly, 1, 3),
        new("SecurityCtrlr", "OrganizationName", null, new(VariableDataType.String, MaxLimit: 64), ReadWrite, "Chargebox"),
        Int("SecurityCtrlr", "CertificateEntries", "0", ReadOnly, 0, 100) with { Persistent = false },
        Int("SecurityCtrlr", "MaxCertificateChainSize", "5", ReadOnly) with { Constant = true },
        Bool("SecurityCtrlr", "AdditionalRootCertificateCheck", "false", ReadOnly) with { Constant = true }, // AS-2
        Int("SecurityCtrlr", "CertSigningWaitMinimum", "60", ReadWrite, 1, 86400, "s"),
        Int("SecurityCtrlr", "CertSigningRepeatTimes", "3", ReadWrite, 0, 100),
        // Errata 2025-01 (A00.FR.005): the reference station allows no downgrade; a station profile may set true
        // (then 3 to 2 only). ReadOnly: the CSMS cannot open the door to a weaker profile itself.
        Bool("SecurityCtrlr", "AllowSecurityProfileDowngrade", "false", ReadOnly),

        // ClockCtrlr: NTP time source (C-23), time zone but no time offset (C-25, C-26).
        new("ClockCtrlr", "DateTime", null, new(VariableDataType.DateTime), ReadOnly, null) { Persistent = false },
        new("ClockCtrlr", "TimeSource", null, new(VariableDataType.SequenceList, ValuesList: "NTP,Heartbeat,RealTimeClock"), ReadWrite, "NTP,Heartbeat"),
        new("ClockCtrlr", "TimeZone", null, new(VariableDataType.String, MaxLimit: 64), ReadWrite, ""),
        Option("ClockCtrlr", "NtpSource", "DHCP", ReadWrite, "DHCP,manual"),
        // Adjustments of more than this many seconds are reported as SettingSystemTime (Appendix 1).
        Int("ClockCtrlr", "TimeAdjustmentReportingThreshold", "20", ReadWrite, 0, null, "s"),
    ];

    /// <summary>ReservationCtrlr (Part 2 appendix 3.1.13), only on a station whose profile turns reservations on
    /// (<see cref="Profiles.StationProfile.Reservation"/>): the reference station of the PICS has none.
    /// NonEvseSpecific is the manufacturer's choice; a profile may set it false.</summary>
    public static IReadOnlyList<VariableSpec> Reservation { get; } =
    [
        Bool("ReservationCtrlr", "Available", "true", ReadOnly) with { Constant = true },
        Bool("ReservationCtrlr", "Enabled", "true", ReadWrite),
        Bool("ReservationCtrlr", "NonEvseSpecific", "true", ReadOnly),
    ];

    private static VariableSpec Int(string component, string variable, string value, MutabilityEnumType mutability, decimal? min = null, decimal? max = null, string? unit = null, string? instance = null) =>
        new(component, variable, instance, new(VariableDataType.Integer, unit, min, max), mutability, value);

    private static VariableSpec Bool(string component, string variable, string value, MutabilityEnumType mutability) =>
        new(component, variable, null, new(VariableDataType.Boolean), mutability, value);

    private static VariableSpec Option(string component, string variable, string value, MutabilityEnumType mutability, string valuesList) =>
        new(component, variable, null, new(VariableDataType.OptionList, ValuesList: valuesList), mutability, value);

    private static VariableSpec Members(string component, string variable, string value, MutabilityEnumType mutability, string valuesList) =>
        new(component, variable, null, new(VariableDataType.MemberList, ValuesList: valuesList), mutability, value);
}
