using Chargebox.Station.Hardware;

namespace Chargebox.Simulator.Tests;

/// <summary>The simulated firmware store: an installed image runs only after the next reboot, which then
/// reports the update it activated once; injected failures leave the running firmware alone.</summary>
public sealed class FirmwareInstallerTests : IDisposable
{
    private readonly SimulatorFixture _sim = new();
    private readonly string _image = Path.Combine(Path.GetTempPath(), "chargebox-sim-fw-" + Path.GetRandomFileName());

    [Fact]
    public async Task Installed_image_runs_after_the_next_reboot_and_its_activation_is_reported_once()
    {
        await File.WriteAllTextAsync(_image, "4.5.6\nbody\n");

        var result = await _sim.Charger.Firmware.InstallAsync(9, _image, CancellationToken.None);

        Assert.Equal(FirmwareInstallResult.RebootToActivate, result);
        Assert.Null(_sim.Charger.Firmware.RunningVersion);
        Assert.Null(_sim.Charger.Firmware.TakeActivation());

        await _sim.Charger.Power.RebootAsync(CancellationToken.None);

        Assert.Equal("4.5.6", _sim.Charger.Firmware.RunningVersion);
        Assert.Equal(new FirmwareActivation(9, "4.5.6"), _sim.Charger.Firmware.TakeActivation());
        Assert.Null(_sim.Charger.Firmware.TakeActivation());
    }

    [Fact]
    public async Task Reboot_without_a_staged_image_activates_nothing()
    {
        await _sim.Charger.Power.RebootAsync(CancellationToken.None);

        Assert.Null(_sim.Charger.Firmware.RunningVersion);
        Assert.Null(_sim.Charger.Firmware.TakeActivation());
    }

    [Theory]
    [InlineData(FirmwareInstallResult.InstallationFailed)]
    [InlineData(FirmwareInstallResult.InstallVerificationFailed)]
    public async Task Injected_failure_applies_to_the_next_install_only(FirmwareInstallResult failure)
    {
        await File.WriteAllTextAsync(_image, "4.5.6\n");
        _sim.Charger.Firmware.FailNextInstall(failure);

        Assert.Equal(failure, await _sim.Charger.Firmware.InstallAsync(1, _image, CancellationToken.None));
        await _sim.Charger.Power.RebootAsync(CancellationToken.None);
        Assert.Null(_sim.Charger.Firmware.RunningVersion);
        Assert.Empty(_sim.Charger.Firmware.InstalledImages);

        Assert.Equal(FirmwareInstallResult.RebootToActivate, await _sim.Charger.Firmware.InstallAsync(2, _image, CancellationToken.None));
    }

    [Fact]
    public void Success_cannot_be_injected_as_a_failure() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _sim.Charger.Firmware.FailNextInstall(FirmwareInstallResult.RebootToActivate));

    [Fact]
    public async Task Image_without_a_version_line_gets_a_digest_version()
    {
        await File.WriteAllBytesAsync(_image, [0x00, 0x01, 0x02, 0x0A, 0x03]);

        await _sim.Charger.Firmware.InstallAsync(3, _image, CancellationToken.None);
        await _sim.Charger.Power.RebootAsync(CancellationToken.None);

        Assert.StartsWith("sha256-", _sim.Charger.Firmware.RunningVersion, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _sim.Dispose();
        File.Delete(_image);
    }
}
