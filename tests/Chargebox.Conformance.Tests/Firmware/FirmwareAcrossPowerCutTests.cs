using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Conformance.Tests.Firmware;

/// <summary>L01 across a power cut: the station keeps the update in progress in its store and, once the CSMS
/// accepted it again, goes on or reports the outcome with the same requestId (L01.FR.10), without reporting again
/// a status the CSMS heard before the cut (the next FirmwareStatusNotification each test takes is the first one
/// after the cut, so a repeated status fails it).</summary>
public sealed class FirmwareAcrossPowerCutTests
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_accepted_update_is_saved_before_the_answer_goes_out()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var now = sut.Time.GetUtcNow();

        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, (await sut.UpdateFirmwareAsync(firmware.Request(306, now, retrieve: now.AddHours(1)))).Status);

        var saved = await sut.Store.FirmwareUpdate.LoadAsync(CancellationToken.None);
        Assert.Equal(306, saved?.RequestId);
    }

    [Fact]
    public async Task An_update_cut_before_its_first_status_starts_after_the_boot()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var request = firmware.Request(307, sut.Time.GetUtcNow());

        // What the station saves before it answers Accepted, as the power finds it when it goes at once after.
        await sut.Store.FirmwareUpdate.SaveAsync(
            new StoredFirmwareUpdate(
                307, string.Empty, request.Firmware.Location, request.Firmware.RetrieveDateTime, null,
                request.Firmware.SigningCertificate!, request.Firmware.Signature!, 0, 60,
                Path.Combine(Path.GetTempPath(), "chargebox-firmware-" + Path.GetRandomFileName())),
            CancellationToken.None);
        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();

        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 307);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 307);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 307);
        await sut.InstallAndActivateAsync(307);
    }

    [Fact]
    public async Task L01_FR_30_a_download_cut_by_a_power_cut_is_a_failed_attempt_retried_after_retryInterval()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        firmware.Transfer.Hold();
        var started = firmware.Transfer.Started;
        var request = WithRetries(firmware.Request(301, sut.Time.GetUtcNow()), retries: 1);
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, (await sut.UpdateFirmwareAsync(request)).Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 301);
        await started.WaitAsync(StationUnderTest.Timeout);
        var retry = sut.Time.NextTimer(RetryInterval);

        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();

        // The cut attempt counts as failed: the next one starts after retryInterval; Downloading is not repeated.
        await retry.WaitAsync(StationUnderTest.Timeout);
        firmware.Transfer.Release();
        sut.Time.Advance(RetryInterval);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 301);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 301);
        await sut.InstallAndActivateAsync(301);
    }

    [Fact]
    public async Task L01_FR_30_a_download_cut_by_a_power_cut_without_retries_left_ends_in_DownloadFailed()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        firmware.Transfer.Hold();
        var started = firmware.Transfer.Started;
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, (await sut.UpdateFirmwareAsync(firmware.Request(302, sut.Time.GetUtcNow()))).Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 302);
        await started.WaitAsync(StationUnderTest.Timeout);

        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();

        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.DownloadFailed, 302);
        await ExpectTriggeredIdleAsync(sut);
        Assert.Null(await sut.Store.FirmwareUpdate.LoadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task L01_FR_13_DownloadScheduled_survives_a_power_cut_and_is_not_reported_again()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var offset = TimeSpan.FromHours(1);
        var now = sut.Time.GetUtcNow();
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, (await sut.UpdateFirmwareAsync(firmware.Request(303, now, retrieve: now + offset))).Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.DownloadScheduled, 303);
        var download = sut.Time.NextTimer(offset);

        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();

        // L01.FR.26: a trigger tells the status reported before the cut, with its requestId.
        await download.WaitAsync(StationUnderTest.Timeout);
        var trigger = await sut.Connection.CallAsync(
            new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.FirmwareStatusNotification }, StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.DownloadScheduled, 303);
        Assert.Empty(firmware.Server.Requests);

        sut.Time.Advance(offset);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 303);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 303);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 303);
        await sut.InstallAndActivateAsync(303);
    }

    [Fact]
    public async Task L01_FR_16_InstallScheduled_survives_a_power_cut_and_installs_the_verified_image_without_a_new_download()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        var offset = TimeSpan.FromHours(1);
        var now = sut.Time.GetUtcNow();
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, (await sut.UpdateFirmwareAsync(firmware.Request(304, now, install: now + offset))).Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 304);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 304);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 304);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.InstallScheduled, 304);
        var install = sut.Time.NextTimer(offset);
        var downloads = firmware.Server.Requests.Count;

        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();

        await install.WaitAsync(StationUnderTest.Timeout);
        Assert.Empty(sut.Charger.Firmware.InstalledImages);
        sut.Time.Advance(offset);
        var boot = await sut.InstallAndActivateAsync(304);
        Assert.Equal(ConfiguredFirmware.Version, boot.ChargingStation.FirmwareVersion);
        Assert.Equal(downloads, firmware.Server.Requests.Count);
        Assert.Null(await sut.Store.FirmwareUpdate.LoadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task L01_a_power_cut_before_the_activating_reboot_ends_in_InstallationFailed_after_the_boot()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, (await sut.UpdateFirmwareAsync(firmware.Request(305, sut.Time.GetUtcNow()))).Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 305);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 305);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 305);
        foreach (var _ in StationUnderTest.ConnectorsIn(null, null))
        {
            Assert.Equal(ConnectorStatusEnumType.Unavailable, (await sut.ExpectStatusNotificationAsync()).ConnectorStatus);
        }

        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Installing, 305);

        // InstallRebooting is not answered: the power goes before the station asked its bootloader to reboot, so
        // the boot that follows runs the old firmware.
        var rebooting = await sut.Connection.ExpectCallAsync<FirmwareStatusNotificationRequest>(StationUnderTest.Timeout);
        Assert.Equal((FirmwareStatusEnumType.InstallRebooting, 305), (rebooting.Request.Status, rebooting.Request.RequestId));
        await sut.PowerCycleAsync();
        var boot = await sut.AcceptBootAsync();

        Assert.NotEqual(ConfiguredFirmware.Version, boot.ChargingStation.FirmwareVersion);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.InstallationFailed, 305);
        await ExpectTriggeredIdleAsync(sut);
    }

    [Fact]
    public async Task L01_FR_28_Installed_is_reported_once_and_the_stored_update_is_gone_after_the_activating_reboot()
    {
        await using var firmware = await ConfiguredFirmware.StartAsync(SecureFirmwareUpdateTests.StartTime);
        await using var sut = await StationUnderTest.StartBootedAsync(firmware.Setup);
        Assert.Equal(UpdateFirmwareStatusEnumType.Accepted, (await sut.UpdateFirmwareAsync(firmware.Request(306, sut.Time.GetUtcNow()))).Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloading, 306);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Downloaded, 306);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.SignatureVerified, 306);
        await sut.InstallAndActivateAsync(306);
        Assert.Null(await sut.Store.FirmwareUpdate.LoadAsync(CancellationToken.None));

        // A later power cut finds no update to resume or report.
        await sut.PowerCycleAsync();
        await sut.AcceptBootAsync();
        await ExpectTriggeredIdleAsync(sut);
    }

    private static UpdateFirmwareRequest WithRetries(UpdateFirmwareRequest request, int retries) => new()
    {
        RequestId = request.RequestId,
        Firmware = request.Firmware,
        Retries = retries,
        RetryInterval = (int)RetryInterval.TotalSeconds,
    };

    // L01.FR.25: no update runs any more, so a trigger reports Idle (the next status taken also proves that no
    // other FirmwareStatusNotification came before it).
    private static async Task ExpectTriggeredIdleAsync(StationUnderTest sut)
    {
        var trigger = await sut.Connection.CallAsync(
            new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.FirmwareStatusNotification }, StationUnderTest.Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);
        await sut.ExpectFirmwareStatusAsync(FirmwareStatusEnumType.Idle, null);
    }
}
