namespace Chargebox.Transport;

/// <summary>One open connection that carries OCPP-J text frames, whatever it runs on (a WebSocket to a
/// CSMS, or an in-memory pair in tests). The RPC layer reads and writes frames through it and knows
/// nothing of sockets or TLS.</summary>
/// <remarks>One reader and one writer may use a channel at the same time; two concurrent sends or two
/// concurrent receives are not allowed.</remarks>
public interface IOcppChannel : IAsyncDisposable
{
    /// <summary>Sends one complete text message: a UTF-8 encoded OCPP-J frame.</summary>
    /// <exception cref="OcppConnectionClosedException">The connection is gone.</exception>
    ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken);

    /// <summary>Waits for the next complete text message. The memory of the result stays valid until the
    /// next call to <see cref="ReceiveAsync"/>; a caller that keeps a frame longer copies it.</summary>
    /// <returns>The frame, or a result with <see cref="ChannelReceiveResult.IsClosed"/> set once the
    /// connection closed (cleanly or not).</returns>
    ValueTask<ChannelReceiveResult> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Closes the connection with a normal closure handshake.</summary>
    ValueTask CloseAsync(CancellationToken cancellationToken);
}

/// <summary>What <see cref="IOcppChannel.ReceiveAsync"/> got: a frame, or the end of the connection.</summary>
public readonly record struct ChannelReceiveResult(ReadOnlyMemory<byte> Frame, bool IsClosed, string? CloseReason = null)
{
    public static ChannelReceiveResult Closed(string? reason) => new(ReadOnlyMemory<byte>.Empty, true, reason);
}

/// <summary>The connection to the CSMS is gone; what was being sent may not have arrived.</summary>
public sealed class OcppConnectionClosedException : Exception
{
    public OcppConnectionClosedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
