namespace Chargebox.Station.Hardware;

/// <summary>The charger's firmware store and bootloader: what runs now, installing a downloaded image whose
/// signature the station has verified (L01), and, after the reboot that activates it, which update that
/// reboot completed. It outlives the station's process, as a real bootloader outlives the application.</summary>
public interface IFirmwareInstaller
{
    /// <summary>The version running now, reported in BootNotification; null to use the station profile's.</summary>
    string? RunningVersion { get; }

    /// <summary>Installs the image at <paramref name="imagePath"/> (the station deletes the file afterwards).
    /// <see cref="FirmwareInstallResult.RebootToActivate"/> means the image is installed and the next boot runs
    /// it, and <see cref="TakeActivation"/> then names <paramref name="requestId"/>.</summary>
    ValueTask<FirmwareInstallResult> InstallAsync(int requestId, string imagePath, CancellationToken cancellationToken);

    /// <summary>After a boot: the update that this boot activated, once; null if this boot activated none.</summary>
    FirmwareActivation? TakeActivation();
}

/// <summary>How an installation ended, as the FirmwareStatusNotification statuses of L01 tell it.</summary>
public enum FirmwareInstallResult
{
    /// <summary>Installed; the station reboots to run it (InstallRebooting, then Installed after the boot).</summary>
    RebootToActivate,

    /// <summary>The installation itself failed (InstallationFailed); the old firmware keeps running.</summary>
    InstallationFailed,

    /// <summary>The installer rejected the image on its own checks (InstallVerificationFailed).</summary>
    InstallVerificationFailed,
}

/// <summary>An update that a boot activated: the UpdateFirmware request id and the version now running.</summary>
public sealed record FirmwareActivation(int RequestId, string Version);
