using Chargebox.Transport;

namespace Chargebox.Station.Runtime;

/// <summary>Ends one connection on the station's initiative: the close handshake first, so that every frame
/// already sent reaches the CSMS, and the hard stop (<see cref="Token"/>) only if the CSMS has not answered
/// the close within <see cref="Grace"/>. The connection also ends by itself when the CSMS's close arrives.</summary>
internal sealed class ConnectionEnding : IDisposable
{
    /// <summary>How long a CSMS may take to answer our close frame before the connection is dropped.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly IOcppChannel _channel;
    private readonly CancellationTokenSource _hardStop;
    private int _begun;

    public ConnectionEnding(IOcppChannel channel, TimeProvider time)
    {
        _channel = channel;
        _hardStop = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>Cancelled when the connection must stop now: after <see cref="Grace"/> once ending began.</summary>
    public CancellationToken Token => _hardStop.Token;

    /// <summary>Starts the close; later calls do nothing. Safe from any thread.</summary>
    public void Begin()
    {
        if (Interlocked.Exchange(ref _begun, 1) == 1)
        {
            return;
        }

        try
        {
            _hardStop.CancelAfter(Grace);
            _ = CloseAsync(_hardStop.Token);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile: nothing to close.
        }
    }

    private async Task CloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _channel.CloseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or InvalidOperationException
                                       or System.Net.WebSockets.WebSocketException or IOException)
        {
            // The close could not be sent; the hard stop ends the connection after the grace period.
        }
    }

    public void Dispose() => _hardStop.Dispose();
}
