namespace Chargebox.Station.DeviceModel.Accessors;

// One accessor per controller component (Part 2 appendix 3.1), named as the specification names the
// component and its variables. Each property reads the current Actual value.

/// <summary>OCPPCommCtrlr: communication with the CSMS.</summary>
internal sealed class OcppCommCtrlr(StationDeviceModel model) : ControllerAccessor(model, "OCPPCommCtrlr")
{
    public TimeSpan HeartbeatInterval => Seconds("HeartbeatInterval");

    public TimeSpan MessageTimeout => Seconds("MessageTimeout", "Default");

    public TimeSpan MessageAttemptIntervalTransactionEvent => Seconds("MessageAttemptInterval", "TransactionEvent");

    public int MessageAttemptsTransactionEvent => Integer("MessageAttempts", "TransactionEvent");

    public int NetworkProfileConnectionAttempts => Integer("NetworkProfileConnectionAttempts");

    /// <summary>The configuration slots in priority order.</summary>
    public IReadOnlyList<string> NetworkConfigurationPriority => List("NetworkConfigurationPriority");

    public int ActiveNetworkProfile => Integer("ActiveNetworkProfile");

    public TimeSpan OfflineThreshold => Seconds("OfflineThreshold");

    public bool QueueAllMessages => Boolean("QueueAllMessages");

    public int ResetRetries => Integer("ResetRetries");

    public TimeSpan RetryBackOffRandomRange => Seconds("RetryBackOffRandomRange");

    public int RetryBackOffRepeatTimes => Integer("RetryBackOffRepeatTimes");

    public TimeSpan RetryBackOffWaitMinimum => Seconds("RetryBackOffWaitMinimum");

    /// <summary>Zero disables client pings.</summary>
    public TimeSpan WebSocketPingInterval => Seconds("WebSocketPingInterval");

    public IReadOnlyList<string> FileTransferProtocols => List("FileTransferProtocols");

    public string PublicKeyWithSignedMeterValue => Text("PublicKeyWithSignedMeterValue");

    public bool UnlockOnEVSideDisconnect => Boolean("UnlockOnEVSideDisconnect");
}

/// <summary>DeviceDataCtrlr: limits of device-model messages.</summary>
internal sealed class DeviceDataCtrlr(StationDeviceModel model) : ControllerAccessor(model, "DeviceDataCtrlr")
{
    public int ItemsPerMessageGetReport => Integer("ItemsPerMessage", "GetReport");

    public int ItemsPerMessageGetVariables => Integer("ItemsPerMessage", "GetVariables");

    public int ItemsPerMessageSetVariables => Integer("ItemsPerMessage", "SetVariables");

    public int BytesPerMessageGetReport => Integer("BytesPerMessage", "GetReport");

    public int BytesPerMessageGetVariables => Integer("BytesPerMessage", "GetVariables");

    public int BytesPerMessageSetVariables => Integer("BytesPerMessage", "SetVariables");

    public int ConfigurationValueSize => Integer("ConfigurationValueSize");

    public int ReportingValueSize => Integer("ReportingValueSize");
}

/// <summary>AuthCtrlr: authorization.</summary>
internal sealed class AuthCtrlr(StationDeviceModel model) : ControllerAccessor(model, "AuthCtrlr")
{
    public bool Enabled => Boolean("Enabled");

    public bool AuthorizeRemoteStart => Boolean("AuthorizeRemoteStart");

    public bool LocalAuthorizeOffline => Boolean("LocalAuthorizeOffline");

    public bool LocalPreAuthorize => Boolean("LocalPreAuthorize");

    public bool OfflineTxForUnknownIdEnabled => Boolean("OfflineTxForUnknownIdEnabled");

    public bool DisableRemoteAuthorization => Boolean("DisableRemoteAuthorization");

    /// <summary>Empty when no master pass group is configured.</summary>
    public string MasterPassGroupId => Text("MasterPassGroupId");
}

/// <summary>AuthCacheCtrlr: the authorization cache.</summary>
internal sealed class AuthCacheCtrlr(StationDeviceModel model) : ControllerAccessor(model, "AuthCacheCtrlr")
{
    public bool Available => Boolean("Available");

    public bool Enabled => Boolean("Enabled");

    public TimeSpan LifeTime => Seconds("LifeTime");

    public bool DisablePostAuthorize => Boolean("DisablePostAuthorize");
}

/// <summary>TxCtrlr: when transactions start and stop.</summary>
internal sealed class TxCtrlr(StationDeviceModel model) : ControllerAccessor(model, "TxCtrlr")
{
    public TimeSpan EVConnectionTimeOut => Seconds("EVConnectionTimeOut");

    /// <summary>Wh.</summary>
    public int MaxEnergyOnInvalidId => Integer("MaxEnergyOnInvalidId");

    public bool StopTxOnEVSideDisconnect => Boolean("StopTxOnEVSideDisconnect");

    public bool StopTxOnInvalidId => Boolean("StopTxOnInvalidId");

    public bool TxBeforeAcceptedEnabled => Boolean("TxBeforeAcceptedEnabled");

    /// <summary>E.g. <c>EVConnected</c>, <c>Authorized</c>, <c>PowerPathClosed</c>, <c>EnergyTransfer</c>.</summary>
    public IReadOnlySet<string> TxStartPoint => new HashSet<string>(List("TxStartPoint"), StringComparer.Ordinal);

    public IReadOnlySet<string> TxStopPoint => new HashSet<string>(List("TxStopPoint"), StringComparer.Ordinal);
}

/// <summary>SampledDataCtrlr: meter values during a transaction.</summary>
internal sealed class SampledDataCtrlr(StationDeviceModel model) : ControllerAccessor(model, "SampledDataCtrlr")
{
    public bool Enabled => Boolean("Enabled");

    public bool SignReadings => Boolean("SignReadings");

    public TimeSpan TxEndedInterval => Seconds("TxEndedInterval");

    public IReadOnlyList<string> TxEndedMeasurands => List("TxEndedMeasurands");

    public IReadOnlyList<string> TxStartedMeasurands => List("TxStartedMeasurands");

    public TimeSpan TxUpdatedInterval => Seconds("TxUpdatedInterval");

    public IReadOnlyList<string> TxUpdatedMeasurands => List("TxUpdatedMeasurands");
}

/// <summary>AlignedDataCtrlr: clock-aligned meter values.</summary>
internal sealed class AlignedDataCtrlr(StationDeviceModel model) : ControllerAccessor(model, "AlignedDataCtrlr")
{
    public bool Enabled => Boolean("Enabled");

    /// <summary>Zero disables clock-aligned values.</summary>
    public TimeSpan Interval => Seconds("Interval");

    public IReadOnlyList<string> Measurands => List("Measurands");

    public bool SendDuringIdle => Boolean("SendDuringIdle");

    public bool SignReadings => Boolean("SignReadings");

    public TimeSpan TxEndedInterval => Seconds("TxEndedInterval");

    public IReadOnlyList<string> TxEndedMeasurands => List("TxEndedMeasurands");
}

/// <summary>SecurityCtrlr: security profile and credentials.</summary>
internal sealed class SecurityCtrlr(StationDeviceModel model) : ControllerAccessor(model, "SecurityCtrlr")
{
    /// <summary>The HTTP Basic password for security profiles 1 and 2; empty when none is set. Never log it.</summary>
    public string BasicAuthPassword => Text("BasicAuthPassword");

    public string Identity => Text("Identity");

    public int SecurityProfile => Integer("SecurityProfile");

    public string OrganizationName => Text("OrganizationName");

    public int MaxCertificateChainSize => Integer("MaxCertificateChainSize");

    public TimeSpan CertSigningWaitMinimum => Seconds("CertSigningWaitMinimum");

    public int CertSigningRepeatTimes => Integer("CertSigningRepeatTimes");

    /// <summary>Whether SetNetworkProfile and NetworkConfigurationPriority may go from profile 3 to 2 (errata 2025-01).</summary>
    public bool AllowSecurityProfileDowngrade => Boolean("AllowSecurityProfileDowngrade");
}

/// <summary>ClockCtrlr: time keeping.</summary>
internal sealed class ClockCtrlr(StationDeviceModel model) : ControllerAccessor(model, "ClockCtrlr")
{
    public IReadOnlyList<string> TimeSource => List("TimeSource");

    /// <summary>IANA name such as <c>Europe/Oslo</c>; empty when not configured.</summary>
    public string TimeZone => Text("TimeZone");

    /// <summary>Clock adjustments larger than this are a SettingSystemTime security event; null when not set.</summary>
    public TimeSpan? TimeAdjustmentReportingThreshold => Text("TimeAdjustmentReportingThreshold") is { Length: > 0 } ? Seconds("TimeAdjustmentReportingThreshold") : null;
}

/// <summary>ReservationCtrlr: reservations (H01-H04); present only when the station profile turns them on.</summary>
internal sealed class ReservationCtrlr(StationDeviceModel model) : ControllerAccessor(model, "ReservationCtrlr")
{
    public bool Enabled => Boolean("Enabled");

    public bool NonEvseSpecific => Boolean("NonEvseSpecific");
}
