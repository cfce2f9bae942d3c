using Chargebox.Transport.FileTransfer;

namespace Chargebox.Conformance.Tests.Diagnostics;

/// <summary>A log server that takes its time: uploads wait until the test opens the gate, so a test case can act
/// while the station is uploading. Downloads and protocols are the inner transfer's.</summary>
internal sealed class GatedFileTransfer(IFileTransfer inner) : IFileTransfer
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<string> Protocols => inner.Protocols;

    /// <summary>Completes when the station has begun an upload.</summary>
    public Task Started => _started.Task;

    public void Open() => _open.TrySetResult();

    public Task DownloadAsync(Uri location, string destinationPath, IProgress<long>? progress, CancellationToken cancellationToken) =>
        inner.DownloadAsync(location, destinationPath, progress, cancellationToken);

    public async Task UploadAsync(string sourcePath, Uri location, string fileName, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        await _open.Task.WaitAsync(cancellationToken);
        await inner.UploadAsync(sourcePath, location, fileName, progress, cancellationToken);
    }
}
