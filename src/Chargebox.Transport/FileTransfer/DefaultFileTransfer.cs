namespace Chargebox.Transport.FileTransfer;

/// <summary>The file transfer a station gets when its integrator names none: HTTP and HTTPS through HttpClient,
/// and FTP and FTPS through curl when curl is on PATH. Without curl, FTP and FTPS are left out of
/// <see cref="IFileTransfer.Protocols"/> (and so of FileTransferProtocols) instead of failing on first use.</summary>
public static class DefaultFileTransfer
{
    public static IFileTransfer Create(CurlFileTransferOptions? curl = null) =>
        Create(curl, Environment.GetEnvironmentVariable("PATH"));

    internal static IFileTransfer Create(CurlFileTransferOptions? curl, string? searchPath)
    {
        curl ??= new CurlFileTransferOptions();
        IFileTransfer http = new HttpFileTransfer(new HttpClient());
        return FindProgram(curl.CurlPath, searchPath) is { } found
            ? new CompositeFileTransfer([http, new CurlFileTransfer(curl with { CurlPath = found })])
            : new CompositeFileTransfer([http]);
    }

    /// <summary>The full path of <paramref name="program"/> (a path, or a name looked up in
    /// <paramref name="searchPath"/>), or null when there is no such file.</summary>
    internal static string? FindProgram(string program, string? searchPath)
    {
        if (Path.IsPathRooted(program) || program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program) ? Path.GetFullPath(program) : null;
        }

        foreach (var directory in (searchPath ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
