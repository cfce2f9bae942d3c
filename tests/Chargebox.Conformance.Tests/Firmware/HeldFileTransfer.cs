using Chargebox.Transport.FileTransfer;

namespace Chargebox.Conformance.Tests.Firmware;

/// <summary>A file transfer whose downloads wait while held: keeps the station in Downloading for as long as a
/// test case needs (TC_L_10 cancels a download in progress, TC_F_19 triggers a status during one).</summary>
internal sealed class HeldFileTransfer(IFileTransfer inner) : IFileTransfer
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _released = Released();
    private TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<string> Protocols => inner.Protocols;

    /// <summary>Downloads from now on wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _released.TrySetResult();
        }
    }

    /// <summary>Completes when a download has begun (and, if held, is waiting).</summary>
    public Task Started
    {
        get
        {
            lock (_gate)
            {
                return _started.Task;
            }
        }
    }

    public async Task DownloadAsync(Uri location, string destinationPath, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        Task released;
        lock (_gate)
        {
            released = _released.Task;
            _started.TrySetResult();
            _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        await released.WaitAsync(cancellationToken);
        await inner.DownloadAsync(location, destinationPath, progress, cancellationToken);
    }

    public Task UploadAsync(string sourcePath, Uri location, string fileName, IProgress<long>? progress, CancellationToken cancellationToken) =>
        inner.UploadAsync(sourcePath, location, fileName, progress, cancellationToken);

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.TrySetResult();
        return released;
    }
}
