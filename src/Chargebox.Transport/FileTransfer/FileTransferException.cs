namespace Chargebox.Transport.FileTransfer;

/// <summary>A file transfer that did not complete; <see cref="Failure"/> says why.</summary>
public sealed class FileTransferException : Exception
{
    public FileTransferException(FileTransferFailure failure, string message, Exception? innerException = null)
        : base(message, innerException) => Failure = failure;

    public FileTransferFailure Failure { get; }
}
