namespace Chargebox.Station.Security;

/// <summary>The security event names of Part 2 Appendix 1, so every block raises them with the exact
/// spelling the CSMS expects. <see cref="IsCritical"/> says which ones are pushed to the CSMS (the others
/// only go to the security log).</summary>
internal static class SecurityEventType
{
    public const string FirmwareUpdated = "FirmwareUpdated";
    public const string FailedToAuthenticateAtCsms = "FailedToAuthenticateAtCsms";
    public const string CsmsFailedToAuthenticate = "CsmsFailedToAuthenticate";
    public const string SettingSystemTime = "SettingSystemTime";
    public const string StartupOfTheDevice = "StartupOfTheDevice";
    public const string ResetOrReboot = "ResetOrReboot";
    public const string SecurityLogWasCleared = "SecurityLogWasCleared";
    public const string ReconfigurationOfSecurityParameters = "ReconfigurationOfSecurityParameters";
    public const string MemoryExhaustion = "MemoryExhaustion";
    public const string InvalidMessages = "InvalidMessages";
    public const string AttemptedReplayAttacks = "AttemptedReplayAttacks";
    public const string TamperDetectionActivated = "TamperDetectionActivated";
    public const string InvalidFirmwareSignature = "InvalidFirmwareSignature";
    public const string InvalidFirmwareSigningCertificate = "InvalidFirmwareSigningCertificate";
    public const string InvalidCsmsCertificate = "InvalidCsmsCertificate";
    public const string InvalidChargingStationCertificate = "InvalidChargingStationCertificate";
    public const string InvalidTlsVersion = "InvalidTLSVersion";
    public const string InvalidTlsCipherSuite = "InvalidTLSCipherSuite";
    public const string MaintenanceLoginAccepted = "MaintenanceLoginAccepted";
    public const string MaintenanceLoginFailed = "MaintenanceLoginFailed";

    /// <summary>Critical events are sent to the CSMS in a SecurityEventNotification (A04.FR.02).</summary>
    public static bool IsCritical(string type) => type switch
    {
        FailedToAuthenticateAtCsms or CsmsFailedToAuthenticate or ReconfigurationOfSecurityParameters
            or InvalidMessages or AttemptedReplayAttacks => false,
        _ => true,
    };
}
