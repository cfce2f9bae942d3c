using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Diagnostics;

/// <summary>The one log upload a station runs at a time (N01): what the CSMS asked for, the file made for it, how
/// many attempts are left, and the means to stop it when the station stops.</summary>
internal sealed class LogUpload : IDisposable
{
    public LogUpload(GetLogRequest request, Uri? location, string fileName)
    {
        RequestId = request.RequestId;
        Location = location;
        FileName = fileName;
        RetriesLeft = Math.Max(0, request.Retries ?? GetLogBlock.DefaultRetries);
        RetryInterval = TimeSpan.FromSeconds(Math.Max(0, request.RetryInterval ?? (int)GetLogBlock.DefaultRetryInterval.TotalSeconds));
    }

    public int RequestId { get; }

    /// <summary>The remoteLocation as a URL; null when it is not one.</summary>
    public Uri? Location { get; }

    public string FileName { get; }

    public int RetriesLeft { get; set; }

    public TimeSpan RetryInterval { get; }

    /// <summary>The file's text, made when the request was accepted so that every retry sends the same file.</summary>
    public required string Content { get; init; }

    public CancellationTokenSource Stopping { get; } = new();

    public void Dispose()
    {
        Stopping.Cancel();
        Stopping.Dispose();
    }
}
