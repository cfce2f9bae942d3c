using Chargebox.Transport;

namespace Chargebox.Host.Runtime;

/// <summary>A connection that the <see cref="NetworkSwitch"/> can cut: once cut, a pending receive ends as
/// a lost connection, sends fail, and the socket underneath is aborted (no close frame reaches the CSMS).</summary>
internal sealed class SwitchedChannel : IOcppChannel
{
    private const string CutReason = "network connection lost";

    private readonly IOcppChannel _inner;
    private readonly CancellationTokenSource _cut = new();

    public SwitchedChannel(IOcppChannel inner) => _inner = inner;

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        ThrowIfCut();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cut.Token);
        try
        {
            await _inner.SendAsync(frame, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (_cut.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OcppConnectionClosedException(CutReason, ex);
        }
    }

    public async ValueTask<ChannelReceiveResult> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (_cut.IsCancellationRequested)
        {
            return ChannelReceiveResult.Closed(CutReason);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _cut.Token);
        try
        {
            return await _inner.ReceiveAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception) when (_cut.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return ChannelReceiveResult.Closed(CutReason);
        }
    }

    public ValueTask CloseAsync(CancellationToken cancellationToken) =>
        _cut.IsCancellationRequested ? ValueTask.CompletedTask : _inner.CloseAsync(cancellationToken);

    /// <summary>Drops the connection: aborts the socket without a closing handshake.</summary>
    public async Task CutAsync()
    {
        await _cut.CancelAsync().ConfigureAwait(false);
        await _inner.DisposeAsync().ConfigureAwait(false);
    }

    // The cut source stays undisposed: the switch may cut a channel the station has already disposed.
    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    private void ThrowIfCut()
    {
        if (_cut.IsCancellationRequested)
        {
            throw new OcppConnectionClosedException(CutReason);
        }
    }
}
