using System.Security.Cryptography.X509Certificates;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Firmware;

/// <summary>One accepted UpdateFirmware request on its way from download to install: what the CSMS asked
/// for, the retries left, the status last reported, and the downloaded image. Used on the station's loop.</summary>
internal sealed class FirmwareUpdate : IDisposable
{
    // L01: without a retryInterval the station picks one.
    private static readonly TimeSpan DefaultRetryInterval = TimeSpan.FromSeconds(30);

    public FirmwareUpdate(UpdateFirmwareRequest request, Uri location, X509Certificate2 signingCertificate, string imagePath)
    {
        RequestId = request.RequestId;
        Location = location;
        SigningCertificate = signingCertificate;
        SigningCertificatePem = request.Firmware.SigningCertificate!;
        Signature = request.Firmware.Signature!;
        RetrieveDateTime = request.Firmware.RetrieveDateTime;
        InstallDateTime = request.Firmware.InstallDateTime;
        RetriesLeft = Math.Max(0, request.Retries ?? 0);
        RetryInterval = request.RetryInterval is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : DefaultRetryInterval;
        ImagePath = imagePath;
    }

    private FirmwareUpdate(StoredFirmwareUpdate stored, Uri location, X509Certificate2 signingCertificate, FirmwareStatusEnumType? status)
    {
        RequestId = stored.RequestId;
        Location = location;
        SigningCertificate = signingCertificate;
        SigningCertificatePem = stored.SigningCertificate;
        Signature = stored.Signature;
        RetrieveDateTime = stored.RetrieveDateTime;
        InstallDateTime = stored.InstallDateTime;
        RetriesLeft = Math.Max(0, stored.RetriesLeft);
        RetryInterval = stored.RetryInterval > 0 ? TimeSpan.FromSeconds(stored.RetryInterval) : DefaultRetryInterval;
        ImagePath = stored.ImagePath;
        Status = status;
    }

    public int RequestId { get; }

    public Uri Location { get; }

    public X509Certificate2 SigningCertificate { get; }

    /// <summary>The signing certificate as the CSMS sent it, kept to resume the update after a reboot.</summary>
    public string SigningCertificatePem { get; }

    /// <summary>Base64 signature over the image.</summary>
    public string Signature { get; }

    public DateTimeOffset RetrieveDateTime { get; }

    public DateTimeOffset? InstallDateTime { get; }

    public int RetriesLeft { get; set; }

    public TimeSpan RetryInterval { get; }

    /// <summary>Where the image is downloaded to; deleted when the update ends.</summary>
    public string ImagePath { get; }

    /// <summary>Stops the download or install when a newer request cancels this one, or the station stops.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>The status last reported for this update; null before the first.</summary>
    public FirmwareStatusEnumType? Status { get; set; }

    /// <summary>The install is due but waits for transactions to end (L01.FR.06).</summary>
    public bool WaitingForIdle { get; set; }

    /// <summary>Once installing, the old firmware may already be overwritten: a newer request cannot cancel (L01.FR.27).</summary>
    public bool Cancelable => Status is not (FirmwareStatusEnumType.Installing or FirmwareStatusEnumType.InstallRebooting);

    /// <summary>Whether a reboot can resume the install from the downloaded image (after it re-checks the signature).</summary>
    public bool ImageVerified => Status is FirmwareStatusEnumType.SignatureVerified or FirmwareStatusEnumType.InstallScheduled;

    /// <summary>The update as a reboot finds it again; with a status reported already.</summary>
    public static FirmwareUpdate? FromStored(StoredFirmwareUpdate stored)
    {
        // An empty status: the update was accepted and saved, and the power went before its first status.
        FirmwareStatusEnumType? status = null;
        if (stored.Status.Length > 0)
        {
            if (!Enum.TryParse<FirmwareStatusEnumType>(stored.Status, out var reported))
            {
                return null;
            }

            status = reported;
        }

        if (!Uri.TryCreate(stored.Location, UriKind.Absolute, out var location)
            || FirmwareSignature.ParseCertificate(stored.SigningCertificate) is not { } certificate)
        {
            return null;
        }

        return new FirmwareUpdate(stored, location, certificate, status);
    }

    public StoredFirmwareUpdate ToStored() => new(
        RequestId,
        Status?.ToString() ?? string.Empty,
        Location.OriginalString,
        RetrieveDateTime,
        InstallDateTime,
        SigningCertificatePem,
        Signature,
        RetriesLeft,
        (int)RetryInterval.TotalSeconds,
        ImagePath);

    public void Dispose()
    {
        Release();
        DeleteImage();
    }

    /// <summary>Stops the update's work and frees it, but keeps a verified image for the next boot to install.</summary>
    public void Release()
    {
        if (!Cancellation.IsCancellationRequested)
        {
            Cancellation.Cancel();
        }

        Cancellation.Dispose();
        SigningCertificate.Dispose();
    }

    public void DeleteImage()
    {
        try
        {
            File.Delete(ImagePath);
        }
        catch (IOException)
        {
            // Still open by a download being cancelled; the temporary folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
