using Chargebox.Testing.Files;

namespace Chargebox.Conformance.Tests.Diagnostics;

/// <summary>A test case run against vsftpd through curl: skipped, with the reason, where either is missing
/// (`.ci/run` installs both).</summary>
internal sealed class FtpToolsFactAttribute : FactAttribute
{
    public FtpToolsFactAttribute()
    {
        if (TestFtpServer.Unavailable is { } reason)
        {
            Skip = reason;
        }
        else if (!(Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, "curl"))))
        {
            Skip = "curl is not on PATH; `.ci/run` installs it with apt-get";
        }
    }
}
