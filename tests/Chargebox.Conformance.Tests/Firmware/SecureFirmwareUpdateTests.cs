using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;
using Chargebox.Station.Security;

namespace Chargebox.Conformance.Tests.Firmware;

/// <summary>L01 Secure Firmware Update (Part 6, TC_L_01 to TC_L_18) on the reference station: it installs first
/// and reboots to activate (RebootBeforeFirmwareActivation), sets its connectors Unavailable before installing,
/// cannot install during a transaction (not C-43) but downloads during one (AQ-7), and can cancel (C-60).
/// The FirmwareUpdated SecurityEventNotification of the successful cases is asserted by
/// <see cref="StationUnderTest.InstallAndActivateAsync"/>.</summary>
public sealed class SecureFirmwareUpdateTests
{
    [Fact]
    public async Task TC_L_01_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);

        // 1-2. UpdateFirmware, installDateTime and retrieveDateTime two hours ago: Accepted.
        var response = await sut.UpdateFirmwareAsync(firmware.Request(101, sut.Time.GetUtcNow()));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);

        // 3-8. Downloading, Downloaded, SignatureVerified.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 101);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 101);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 101);

        // 9-21. Unavailable, Installing, InstallRebooting, reboot, Available, Installed, SecurityEventNotification FirmwareUpdated.
        var boot = await sut.InstallAndActivateAsync(101);

        // The update took effect: the boot reports the new firmware.
        Assert.Equal(ConfiguredFirmware.Version, boot.ChargingStation.FirmwareVersion);
    }

    [Fact]
    public async Task TC_L_02_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var installOffset = TimeSpan.FromHours(1);
        var installTimer = sut.Time.NextTimer(installOffset);

        // 1-2. installDateTime in the future: Accepted.
        var now = sut.Time.GetUtcNow();
        var response = await sut.UpdateFirmwareAsync(firmware.Request(102, now, install: now + installOffset));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);

        // 3-10. Downloading, Downloaded, SignatureVerified, InstallScheduled.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 102);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 102);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 102);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.InstallScheduled, 102);

        // Nothing is installed before installDateTime.
        await installTimer.WaitAsync(StationUnderTest.Timeout);
        Assert.Empty(sut.Charger.Firmware.InstalledImages);
        sut.Time.Advance(installOffset);

        // 11-23. Unavailable, Installing, reboot, Available, Installed, SecurityEventNotification FirmwareUpdated.
        var boot = await sut.InstallAndActivateAsync(102);
        Assert.Equal(ConfiguredFirmware.Version, boot.ChargingStation.FirmwareVersion);
    }

    [Fact]
    public async Task TC_L_03_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var downloadOffset = TimeSpan.FromHours(1);
        var downloadTimer = sut.Time.NextTimer(downloadOffset);

        // 1-2. retrieveDateTime in the future: Accepted.
        var now = sut.Time.GetUtcNow();
        var response = await sut.UpdateFirmwareAsync(firmware.Request(103, now, retrieve: now + downloadOffset));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);

        // 3-4. DownloadScheduled; nothing is fetched before retrieveDateTime.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.DownloadScheduled, 103);
        await downloadTimer.WaitAsync(StationUnderTest.Timeout);
        Assert.Empty(firmware.Server.Requests);
        sut.Time.Advance(downloadOffset);

        // 5-10. Downloading, Downloaded, SignatureVerified.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 103);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 103);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 103);

        // 11-23. Unavailable, Installing, reboot, Available, Installed, SecurityEventNotification FirmwareUpdated.
        await sut.InstallAndActivateAsync(103);
    }

    [Fact]
    public async Task TC_L_05_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);

        // 1-2. A signing certificate that does not chain to the ManufacturerRootCertificate: InvalidCertificate.
        var response = await sut.UpdateFirmwareAsync(firmware.Request(105, sut.Time.GetUtcNow(), signer: firmware.Pki.CreateUntrustedSigner()));
        Assert.Equal(UpdateFirmwareStatusEnumType.InvalidCertificate, response.Status);

        // 3-4. SecurityEventNotification InvalidFirmwareSigningCertificate.
        await sut.ExpectSecurityEventAsync(SecurityEventType.InvalidFirmwareSigningCertificate);

        // Nothing is downloaded for a rejected request.
        Assert.Empty(firmware.Server.Requests);
    }

    [Fact]
    public async Task TC_L_06_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);

        // 1-2. A real signature, but over another image: Accepted.
        var otherImage = "9.9.9\nnot the configured image\n"u8.ToArray();
        var response = await sut.UpdateFirmwareAsync(firmware.Request(106, sut.Time.GetUtcNow(), signature: firmware.Pki.Signer.Sign(otherImage)));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);

        // 3-8. Downloading, Downloaded, InvalidSignature; nothing installed.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 106);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 106);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.InvalidSignature, 106);

        // 9-10. SecurityEventNotification InvalidFirmwareSignature (errata 2025-09: in either order with step 7).
        await sut.ExpectSecurityEventAsync(SecurityEventType.InvalidFirmwareSignature);
        Assert.Empty(sut.Charger.Firmware.InstalledImages);
    }

    [Fact]
    public async Task TC_L_07_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);

        // 1-2. A location that does not exist: Accepted.
        var response = await sut.UpdateFirmwareAsync(firmware.Request(107, sut.Time.GetUtcNow(), location: firmware.Location + "_does_not_exist"));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);

        // 3-6. Downloading, DownloadFailed.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 107);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.DownloadFailed, 107);
    }

    [Fact]
    public async Task TC_L_08_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);

        // <Configured invalid firmware location>: an image the installer's own verification refuses.
        sut.Charger.Firmware.FailNextInstall(FirmwareInstallResult.InstallVerificationFailed);

        // 1-8. Accepted, Downloading, Downloaded, SignatureVerified.
        var response = await sut.UpdateFirmwareAsync(firmware.Request(108, sut.Time.GetUtcNow()));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 108);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 108);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 108);

        // 9-13. Unavailable, Installing.
        var unavailable = await sut.ExpectStatusNotificationAsync();
        Assert.Equal(ConnectorStatusEnumType.Unavailable, unavailable.ConnectorStatus);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Installing, 108);

        // 14-17. InstallVerificationFailed, and the connector back in service on the old firmware.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.InstallVerificationFailed, 108);
        var available = await sut.ExpectStatusNotificationAsync();
        Assert.Equal(ConnectorStatusEnumType.Available, available.ConnectorStatus);
        Assert.Empty(sut.Charger.RebootRequests);
        Assert.Null(sut.Charger.Firmware.RunningVersion);
    }

    [Fact]
    public async Task TC_L_10_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);

        // The first download stays in progress until the second request cancels it.
        firmware.Transfer.Hold();
        var started = firmware.Transfer.Started;

        // 1-4. Accepted, Downloading.
        var first = await sut.UpdateFirmwareAsync(firmware.Request(110, sut.Time.GetUtcNow()));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, first.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 110);
        await started.WaitAsync(StationUnderTest.Timeout);

        // 5-6. A second UpdateFirmware: AcceptedCanceled (L01.FR.24).
        firmware.Transfer.Release();
        var second = await sut.UpdateFirmwareAsync(firmware.Request(111, sut.Time.GetUtcNow()));
        Assert.Equal(UpdateFirmwareStatusEnumType.AcceptedCanceled, second.Status);

        // 7-25. From here on every status carries the second requestId; step 24 is FirmwareUpdated.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 111);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 111);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 111);
        await sut.InstallAndActivateAsync(111);
        Assert.Single(sut.Charger.Firmware.InstalledImages);
    }

    [Fact]
    public async Task TC_L_15_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);

        // Before: AllowNewSessionsPendingFirmwareUpdate false; State is EnergyTransferStarted.
        await sut.ConfigureAsync("ChargingStation", "AllowNewSessionsPendingFirmwareUpdate", "false");
        var transactionId = await sut.EnergyTransferStartedAsync();

        // 1-8. Accepted; the download runs during the transaction (AQ-7): Downloading, Downloaded, SignatureVerified.
        var response = await sut.UpdateFirmwareAsync(firmware.Request(115, sut.Time.GetUtcNow()));
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, response.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 115);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 115);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 115);

        // 9-10. InstallScheduled: the install waits for the transaction (not C-43). Step 11 has nothing to
        // report on this station: its only connector is Occupied by the transaction, none is Available.
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.InstallScheduled, 115);
        Assert.Empty(sut.Charger.Firmware.InstalledImages);

        // 12-13. ParkingBayUnoccupied: the driver stops the transaction and unplugs.
        await sut.StopAuthorizedAsync(transactionId);
        sut.Unplug();

        // 14-26. The last connector Unavailable, Installing, reboot, Available, Installed, FirmwareUpdated (step 25).
        await sut.InstallAndActivateAsync(115);
    }

    [Fact]
    public async Task TC_L_18_CS()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);

        // 1-2. No signingCertificate and no signature: Rejected (or InvalidCertificate).
        var response = await sut.UpdateFirmwareAsync(new UpdateFirmwareRequest
        {
            RequestId = 118,
            Firmware = new FirmwareType { Location = firmware.Location.ToString(), RetrieveDateTime = sut.Time.GetUtcNow().AddHours(-2), InstallDateTime = sut.Time.GetUtcNow().AddHours(-2) },
        });
        Assert.True(response.Status is UpdateFirmwareStatusEnumType.Rejected or UpdateFirmwareStatusEnumType.InvalidCertificate, $"status {response.Status}");
        Assert.Empty(firmware.Server.Requests);
    }

    /// <summary>The harness's fake clock starts here; the test PKI is valid around it.</summary>
    internal static DateTimeOffset StartTime { get; } = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
}
