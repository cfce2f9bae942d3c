namespace Chargebox.Transport.FileTransfer;

/// <summary>curl's exit codes (curl(1), "EXIT CODES") as the station's <see cref="FileTransferFailure"/>s.</summary>
internal static class CurlExitCode
{
    public static FileTransferFailure ToFailure(int exitCode) => exitCode switch
    {
        3 => FileTransferFailure.InvalidLocation,            // URL malformed
        6 or 7 or 28 => FileTransferFailure.Unreachable,     // host not resolved, connect failed, timeout
        35 or 60 or 64 => FileTransferFailure.Unreachable,   // TLS handshake, untrusted server, TLS not offered
        9 or 67 => FileTransferFailure.PermissionDenied,     // remote access denied, login refused
        78 => FileTransferFailure.NotFound,                   // remote file does not exist
        _ => FileTransferFailure.TransferFailed,
    };
}
