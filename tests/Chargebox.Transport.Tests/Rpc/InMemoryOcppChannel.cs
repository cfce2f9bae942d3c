using System.Threading.Channels;

namespace Chargebox.Transport.Tests.Rpc;

/// <summary>One end of an in-memory connection: what one end sends, the other receives, in order.
/// Closing either end closes both.</summary>
internal sealed class InMemoryOcppChannel : IOcppChannel
{
    private readonly Channel<byte[]> _incoming;
    private readonly Channel<byte[]> _outgoing;

    private InMemoryOcppChannel(Channel<byte[]> incoming, Channel<byte[]> outgoing)
    {
        _incoming = incoming;
        _outgoing = outgoing;
    }

    /// <summary>Frames sent to this end and not yet received.</summary>
    public int Waiting => _incoming.Reader.Count;

    public static (InMemoryOcppChannel Station, InMemoryOcppChannel Csms) CreatePair()
    {
        var toStation = Channel.CreateUnbounded<byte[]>();
        var toCsms = Channel.CreateUnbounded<byte[]>();
        return (new InMemoryOcppChannel(toStation, toCsms), new InMemoryOcppChannel(toCsms, toStation));
    }

    public ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_outgoing.Writer.TryWrite(frame.ToArray()))
        {
            throw new OcppConnectionClosedException("The in-memory connection is closed.");
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask<ChannelReceiveResult> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (await _incoming.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_incoming.Reader.TryRead(out var frame))
            {
                return new ChannelReceiveResult(frame, false);
            }
        }

        return ChannelReceiveResult.Closed("in-memory connection closed");
    }

    public ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        _incoming.Writer.TryComplete();
        _outgoing.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => CloseAsync(CancellationToken.None);
}
