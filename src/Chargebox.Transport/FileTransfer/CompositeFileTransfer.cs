namespace Chargebox.Transport.FileTransfer;

/// <summary>Chooses the transfer for a location by its URL scheme, so the station sees one
/// <see cref="IFileTransfer"/> whose protocols are the union of its parts'.</summary>
public sealed class CompositeFileTransfer : IFileTransfer
{
    private readonly IReadOnlyList<IFileTransfer> _parts;

    public CompositeFileTransfer(IEnumerable<IFileTransfer> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _parts = [.. parts];
        Protocols = [.. _parts.SelectMany(p => p.Protocols).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlyCollection<string> Protocols { get; }

    public Task DownloadAsync(Uri location, string destinationPath, IProgress<long>? progress, CancellationToken cancellationToken) =>
        For(location).DownloadAsync(location, destinationPath, progress, cancellationToken);

    public Task UploadAsync(string sourcePath, Uri location, string fileName, IProgress<long>? progress, CancellationToken cancellationToken) =>
        For(location).UploadAsync(sourcePath, location, fileName, progress, cancellationToken);

    private IFileTransfer For(Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.IsAbsoluteUri)
        {
            throw new FileTransferException(FileTransferFailure.InvalidLocation, $"'{location}' is not an absolute URL.");
        }

        return _parts.FirstOrDefault(p => p.Protocols.Contains(location.Scheme, StringComparer.OrdinalIgnoreCase))
            ?? throw new FileTransferException(FileTransferFailure.UnsupportedProtocol, $"No file transfer for '{location.Scheme}' here (supported: {string.Join(", ", Protocols)}).");
    }
}
