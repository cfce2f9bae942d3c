namespace Chargebox.Transport.FileTransfer;

/// <summary>Moves one file between the station and a remote location given by the CSMS: firmware images
/// down (L01), logs up (N01). One implementation per family of URL schemes; <see cref="CompositeFileTransfer"/>
/// picks by scheme. Failures are <see cref="FileTransferException"/>s so callers map them to OCPP statuses.</summary>
public interface IFileTransfer
{
    /// <summary>The OCPP names of the protocols this can use ("HTTP", "HTTPS", "FTP", "FTPS"), as reported in
    /// OCPPCommCtrlr.FileTransferProtocols.</summary>
    IReadOnlyCollection<string> Protocols { get; }

    /// <summary>Downloads <paramref name="location"/> into <paramref name="destinationPath"/> (replaced).
    /// <paramref name="progress"/> receives the bytes moved so far.</summary>
    Task DownloadAsync(Uri location, string destinationPath, IProgress<long>? progress, CancellationToken cancellationToken);

    /// <summary>Uploads <paramref name="sourcePath"/> to <paramref name="location"/>; for a location that ends in
    /// '/', <paramref name="fileName"/> is appended.</summary>
    Task UploadAsync(string sourcePath, Uri location, string fileName, IProgress<long>? progress, CancellationToken cancellationToken);
}
