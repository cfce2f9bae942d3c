using Chargebox.Protocol;
using Chargebox.Transport.Rpc;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Transport.Tests.Rpc;

/// <summary>A station-side <see cref="OcppRpcConnection"/> running over an in-memory connection to a
/// <see cref="TestCsms"/>, on fake time, with the test actions.</summary>
internal sealed class RpcHarness : IAsyncDisposable
{
    public RpcHarness(IOcppCallHandler? handler = null, TimeSpan? messageTimeout = null, Action<string>? invalidMessageReceived = null)
    {
        var (station, csms) = InMemoryOcppChannel.CreatePair();
        Csms = new TestCsms(csms);
        Options = new OcppRpcOptions { StationId = "CS-TEST", MessageTimeout = messageTimeout ?? TimeSpan.FromSeconds(30), InvalidMessageReceived = invalidMessageReceived };
        Connection = new OcppRpcConnection(station, handler, Options, Time, Logs, TestActions.TryGet);
        Running = Connection.RunAsync(CancellationToken.None);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public ListLoggerFactory Logs { get; } = new();

    public OcppRpcOptions Options { get; }

    public TestCsms Csms { get; }

    public OcppRpcConnection Connection { get; }

    public Task Running { get; }

    /// <summary>A real-time limit on every wait, so that a regression fails a test instead of hanging the run.</summary>
    public static TimeSpan Guard { get; } = TimeSpan.FromSeconds(10);

    public Task<PingResponse> PingAsync(string note, CancellationToken cancellationToken = default) =>
        Connection.CallAsync(new PingRequest { Note = note }, cancellationToken).WaitAsync(Guard, TimeProvider.System);

    public int LoggedCount(int eventId) => Logs.Entries.Count(e => e.EventId == eventId);

    public async ValueTask DisposeAsync()
    {
        await Csms.CloseAsync();
        await Running.WaitAsync(Guard, TimeProvider.System);
    }
}

/// <summary>A handler that records what it was given and answers as the test says.</summary>
internal sealed class ScriptedHandler(Func<OcppAction, IOcppRequest, OcppCallOutcome> answer) : IOcppCallHandler
{
    public List<IOcppRequest> Received { get; } = [];

    public ValueTask<OcppCallOutcome> HandleAsync(OcppAction action, IOcppRequest request, CancellationToken cancellationToken)
    {
        lock (Received)
        {
            Received.Add(request);
        }

        return ValueTask.FromResult(answer(action, request));
    }
}
