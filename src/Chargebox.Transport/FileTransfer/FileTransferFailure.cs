namespace Chargebox.Transport.FileTransfer;

/// <summary>Why a file transfer failed, coarse enough to pick an OCPP status (DownloadFailed,
/// UploadFailure, PermissionDenied, BadMessage) and precise enough for a log line.</summary>
public enum FileTransferFailure
{
    /// <summary>The location is not a usable URL for this transfer (BadMessage for GetLog).</summary>
    InvalidLocation,

    /// <summary>No implementation for the URL's scheme here.</summary>
    UnsupportedProtocol,

    /// <summary>The server could not be reached (DNS, refused, TLS handshake, timeout).</summary>
    Unreachable,

    /// <summary>The server refused the credentials or the path (PermissionDenied for GetLog).</summary>
    PermissionDenied,

    /// <summary>The remote file does not exist.</summary>
    NotFound,

    /// <summary>The transfer started and broke, or the server answered with another error.</summary>
    TransferFailed,
}
