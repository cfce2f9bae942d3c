using System.Security.Cryptography;
using System.Text;
using Chargebox.Station.Hardware;

namespace Chargebox.Simulator;

/// <summary>The simulated charger's firmware store and bootloader. An image is "installed" by reading its
/// version (the first line of the file, or a digest of it when that line is no version) into a staging slot;
/// the next reboot of the charger activates it, after which <see cref="RunningVersion"/> reports it and the
/// station, starting again, learns which update completed. A test can make the next installation fail.</summary>
public sealed class SimulatedFirmwareInstaller : IFirmwareInstaller
{
    private const int MaxVersionLength = 50; // ChargingStationType.firmwareVersion

    private readonly SimulatorContext _context;
    private string? _running;
    private FirmwareActivation? _staged;
    private FirmwareActivation? _activated;
    private FirmwareInstallResult? _nextFailure;
    private readonly List<string> _installedImages = [];

    internal SimulatedFirmwareInstaller(SimulatorContext context) => _context = context;

    public string? RunningVersion
    {
        get
        {
            lock (_context.Gate)
            {
                return _running;
            }
        }
    }

    /// <summary>The versions of the images installed so far (activated or staged), oldest first.</summary>
    public IReadOnlyList<string> InstalledImages
    {
        get
        {
            lock (_context.Gate)
            {
                return [.. _installedImages];
            }
        }
    }

    /// <summary>Makes the next installation end with <paramref name="failure"/> (InstallationFailed or
    /// InstallVerificationFailed) and leave the running firmware as it is.</summary>
    public void FailNextInstall(FirmwareInstallResult failure)
    {
        if (failure == FirmwareInstallResult.RebootToActivate)
        {
            throw new ArgumentOutOfRangeException(nameof(failure), failure, "Only a failure can be injected.");
        }

        lock (_context.Gate)
        {
            _nextFailure = failure;
        }
    }

    public async ValueTask<FirmwareInstallResult> InstallAsync(int requestId, string imagePath, CancellationToken cancellationToken)
    {
        var image = await File.ReadAllBytesAsync(imagePath, cancellationToken).ConfigureAwait(false);
        var version = VersionOf(image);
        lock (_context.Gate)
        {
            if (_nextFailure is { } failure)
            {
                _nextFailure = null;
                return failure;
            }

            _staged = new FirmwareActivation(requestId, version);
            _installedImages.Add(version);
            return FirmwareInstallResult.RebootToActivate;
        }
    }

    public FirmwareActivation? TakeActivation()
    {
        lock (_context.Gate)
        {
            var activated = _activated;
            _activated = null;
            return activated;
        }
    }

    /// <summary>Under the gate: the charger restarts, and the bootloader switches to a staged image.</summary>
    internal void OnRebootUnderGate()
    {
        if (_staged is { } staged)
        {
            _running = staged.Version;
            _activated = staged;
            _staged = null;
        }
    }

    private static string VersionOf(byte[] image)
    {
        var end = Array.IndexOf(image, (byte)'\n');
        var firstLine = Encoding.UTF8.GetString(image, 0, end < 0 ? image.Length : end).Trim();
        if (firstLine.Length is > 0 and <= MaxVersionLength && firstLine.All(c => !char.IsControl(c)))
        {
            return firstLine;
        }

        return "sha256-" + Convert.ToHexStringLower(SHA256.HashData(image))[..16];
    }
}
