using Chargebox.Testing.Files;
using Chargebox.Transport.FileTransfer;

namespace Chargebox.Transport.Tests.FileTransfer;

/// <summary>A test that runs curl, and vsftpd as the server: skipped, with the reason, where either is missing
/// (`.ci/run` installs both).</summary>
internal sealed class FtpToolsFactAttribute : FactAttribute
{
    public FtpToolsFactAttribute()
    {
        if (TestFtpServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
        else if (DefaultFileTransfer.FindProgram("curl", Environment.GetEnvironmentVariable("PATH")) is null)
        {
            Skip = "curl is not on PATH; `.ci/run` installs it with apt-get";
        }
    }
}
