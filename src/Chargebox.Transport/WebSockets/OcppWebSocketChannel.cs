using System.Buffers;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace Chargebox.Transport.WebSockets;

/// <summary>An <see cref="IOcppChannel"/> over an open WebSocket: whole text messages in and out.</summary>
/// <remarks>While idle the channel holds no pooled buffer: it waits for the next message with a zero-byte read
/// and rents only once data arrives, so thousands of idle stations cost little. Cancelling a pending receive or
/// send aborts the WebSocket (a .NET rule), so callers cancel only to shut the connection down.</remarks>
internal sealed partial class OcppWebSocketChannel : IOcppChannel
{
    private const int InitialBufferSize = 4096;

    private readonly WebSocket _socket;
    private readonly IDisposable? _ownedResource;
    private readonly int _maxFrameSize;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly Lock _bufferGate = new();

    private byte[]? _buffer;
    private int _receiving;
    private bool _disposed;
    private ChannelReceiveResult? _closed;

    public OcppWebSocketChannel(WebSocket socket, IDisposable? ownedResource, int maxFrameSize, ILogger logger)
    {
        _socket = socket;
        _ownedResource = ownedResource;
        _maxFrameSize = maxFrameSize;
        _logger = logger;
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        if (!_sendGate.Wait(0))
        {
            ThrowIfClosed();
            throw new InvalidOperationException("SendAsync was called while another send is in progress; the RPC layer must serialise sends.");
        }

        try
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            throw new OcppConnectionClosedException("The connection to the CSMS was lost while sending.", ex);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public async ValueTask<ChannelReceiveResult> ReceiveAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _receiving, 1) == 1)
        {
            throw new InvalidOperationException("ReceiveAsync was called while another receive is in progress; the channel has one reader.");
        }

        try
        {
            ReturnBuffer(); // the previous frame's memory is the caller's no longer
            if (_closed is { } closed)
            {
                return closed;
            }

            return await ReceiveMessageAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // An abort (ours on dispose, or the keep-alive timeout's) surfaces as a cancellation without our token.
            return Close(_disposed ? "the channel was disposed" : $"connection lost: {ex.Message}");
        }
        finally
        {
            lock (_bufferGate)
            {
                Volatile.Write(ref _receiving, 0);
                if (_disposed)
                {
                    ReturnBuffer();
                }
            }
        }
    }

    private async ValueTask<ChannelReceiveResult> ReceiveMessageAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        while (true)
        {
            ValueWebSocketReceiveResult result;
            if (_buffer is null)
            {
                result = await _socket.ReceiveAsync(Memory<byte>.Empty, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Text && !result.EndOfMessage)
                {
                    _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
                    continue;
                }
            }
            else
            {
                if (length == _buffer.Length)
                {
                    if (length >= _maxFrameSize)
                    {
                        return await CloseWithAsync(WebSocketCloseStatus.MessageTooBig, $"a message from the CSMS exceeded {_maxFrameSize} bytes").ConfigureAwait(false);
                    }

                    Grow(length);
                }

                var room = Math.Min(_buffer.Length, _maxFrameSize) - length;
                result = await _socket.ReceiveAsync(_buffer.AsMemory(length, Math.Max(room, 1)), cancellationToken).ConfigureAwait(false);
                length += result.Count;
                if (length > _maxFrameSize)
                {
                    return await CloseWithAsync(WebSocketCloseStatus.MessageTooBig, $"a message from the CSMS exceeded {_maxFrameSize} bytes").ConfigureAwait(false);
                }
            }

            switch (result.MessageType)
            {
                case WebSocketMessageType.Close:
                    return await AnswerCloseAsync().ConfigureAwait(false);
                case WebSocketMessageType.Binary:
                    // Part 4, 4.1: OCPP-J messages are text frames only.
                    return await CloseWithAsync(WebSocketCloseStatus.InvalidMessageType, "the CSMS sent a binary frame; OCPP-J uses text frames only").ConfigureAwait(false);
            }

            if (result.EndOfMessage)
            {
                return new ChannelReceiveResult(_buffer is null ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(0, length), IsClosed: false);
            }
        }
    }

    private void Grow(int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(length * 2, _maxFrameSize + 1));
        _buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer!);
        _buffer = larger;
    }

    private async ValueTask<ChannelReceiveResult> AnswerCloseAsync()
    {
        var reason = $"closed by the CSMS ({(int?)_socket.CloseStatus} {_socket.CloseStatusDescription})".Replace(" )", ")", StringComparison.Ordinal);
        if (_socket.State == WebSocketState.CloseReceived)
        {
            await _sendGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
            {
                // The peer is gone already; the connection is closed either way.
            }
            finally
            {
                _sendGate.Release();
            }
        }

        return Close(reason);
    }

    private async ValueTask<ChannelReceiveResult> CloseWithAsync(WebSocketCloseStatus status, string reason)
    {
        var result = Close(reason);
        await _sendGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await _socket.CloseOutputAsync(status, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            // Closing anyway.
        }
        finally
        {
            _sendGate.Release();
        }

        return result;
    }

    private ChannelReceiveResult Close(string reason)
    {
        if (_closed is { } earlier)
        {
            return earlier;
        }

        var result = ChannelReceiveResult.Closed(reason);
        _closed = result;
        LogClosed(_logger, reason);
        return result;
    }

    public async ValueTask CloseAsync(CancellationToken cancellationToken)
    {
        if (_disposed || _socket.State != WebSocketState.Open)
        {
            return;
        }

        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _receiving) == 1)
            {
                // The pending receive sees the CSMS's close frame and reports the closure.
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                Close("closed by the station");
            }
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
        {
            Close($"connection lost while closing: {ex.Message}");
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_bufferGate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            if (Volatile.Read(ref _receiving) == 0)
            {
                ReturnBuffer();
            }
        }

        _socket.Abort();
        _socket.Dispose();
        _ownedResource?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void ThrowIfClosed()
    {
        if (_disposed || _closed is not null || _socket.State != WebSocketState.Open)
        {
            throw new OcppConnectionClosedException($"The connection to the CSMS is closed ({_closed?.CloseReason ?? _socket.State.ToString()}).");
        }
    }

    private void ReturnBuffer()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "WebSocket connection closed: {Reason}")]
    private static partial void LogClosed(ILogger logger, string reason);
}
