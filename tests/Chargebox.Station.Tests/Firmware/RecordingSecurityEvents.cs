using Chargebox.Station.Security;

namespace Chargebox.Station.Tests.Firmware;

/// <summary>Keeps the security events a block raised, in order.</summary>
internal sealed class RecordingSecurityEvents : ISecurityEvents
{
    private readonly List<string> _types = [];
    private readonly TaskCompletionSource _raised = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first event.</summary>
    public Task Raised => _raised.Task;

    public IReadOnlyList<string> Types
    {
        get
        {
            lock (_types)
            {
                return [.. _types];
            }
        }
    }

    public void Raise(string type, string? techInfo = null)
    {
        lock (_types)
        {
            _types.Add(type);
        }

        _raised.TrySetResult();
    }
}
