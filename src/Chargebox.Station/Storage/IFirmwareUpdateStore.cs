namespace Chargebox.Station.Storage;

/// <summary>The firmware update in progress as last saved (L01): what the UpdateFirmwareRequest asked for and how
/// far the station got, so that after a reboot or a power cut it can resume the update or report its outcome with
/// the same requestId (L01.FR.10) instead of forgetting it.</summary>
/// <param name="RequestId">The UpdateFirmwareRequest's requestId.</param>
/// <param name="Status">The FirmwareStatusEnumType last reported, e.g. <c>Downloading</c>.</param>
/// <param name="Location">firmware.location.</param>
/// <param name="RetrieveDateTime">firmware.retrieveDateTime.</param>
/// <param name="InstallDateTime">firmware.installDateTime, if given.</param>
/// <param name="SigningCertificate">firmware.signingCertificate (PEM).</param>
/// <param name="Signature">firmware.signature (base64).</param>
/// <param name="RetriesLeft">Download attempts still allowed after the current one.</param>
/// <param name="RetryInterval">Seconds between download attempts.</param>
/// <param name="ImagePath">Where the station keeps the downloaded image.</param>
public sealed record StoredFirmwareUpdate(
    int RequestId,
    string Status,
    string Location,
    DateTimeOffset RetrieveDateTime,
    DateTimeOffset? InstallDateTime,
    string SigningCertificate,
    string Signature,
    int RetriesLeft,
    int RetryInterval,
    string ImagePath);

/// <summary>The one firmware update a station runs at a time, kept across reboots.</summary>
public interface IFirmwareUpdateStore
{
    /// <summary>The update saved last and not cleared, or null.</summary>
    ValueTask<StoredFirmwareUpdate?> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces whatever update was saved.</summary>
    ValueTask SaveAsync(StoredFirmwareUpdate update, CancellationToken cancellationToken);

    /// <summary>Forgets the saved update (it ended); clearing nothing does nothing.</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken);
}
