using System.Text;
using System.Threading.Channels;
using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chargebox.Transport.Rpc;

/// <summary>OCPP-J RPC over one <see cref="IOcppChannel"/> (Part 4, section 4): typed CALLs to the CSMS,
/// one outstanding at a time and the rest queued in order; CALLs from the CSMS served through an
/// <see cref="IOcppCallHandler"/> even while our own CALL waits for its answer.</summary>
/// <remarks>One instance per connection: start <see cref="RunAsync"/>, which ends when the channel closes
/// and fails every unfinished CALL with <see cref="OcppConnectionClosedException"/>. A new connection gets
/// a new instance; whether to retry a failed CALL is the caller's decision.</remarks>
public sealed partial class OcppRpcConnection
{
    private readonly IOcppChannel _channel;
    private readonly IOcppCallHandler? _handler;
    private readonly OcppRpcOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILogger _frameLogger;
    private readonly ActionLookup _lookupAction;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<PendingCall> _calls = Channel.CreateUnbounded<PendingCall>(new UnboundedChannelOptions { SingleReader = true });
    private PendingCall? _outstanding;
    private OcppConnectionClosedException? _closed;
    private int _started;

    /// <param name="channel">The connection; this instance reads it, and writes it one frame at a time.</param>
    /// <param name="handler">Serves CALLs from the CSMS; null answers every one with NotSupported.</param>
    /// <param name="options">Station id and OCPPCommCtrlr.MessageTimeout.</param>
    /// <param name="timeProvider">The clock for CALL timeouts and message ids.</param>
    /// <param name="loggerFactory">Frames in and out at Debug; raw frames at Trace in <c>Chargebox.Transport.Rpc.Frames</c>.</param>
    public OcppRpcConnection(
        IOcppChannel channel,
        IOcppCallHandler? handler,
        OcppRpcOptions options,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory = null)
        : this(channel, handler, options, timeProvider, loggerFactory, OcppActions.TryGet)
    {
    }

    internal OcppRpcConnection(
        IOcppChannel channel,
        IOcppCallHandler? handler,
        OcppRpcOptions options,
        TimeProvider timeProvider,
        ILoggerFactory? loggerFactory,
        ActionLookup lookupAction)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _channel = channel;
        _handler = handler;
        _options = options;
        _time = timeProvider;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<OcppRpcConnection>();
        _frameLogger = loggerFactory.CreateLogger(RpcLog.FramesCategory);
        _lookupAction = lookupAction;
    }

    private string StationId => _options.StationId;

    /// <summary>Reads frames until the channel closes: answers go to the waiting CALL, CALLs from the CSMS
    /// to the handler, broken frames to a CALLERROR or the log. Also sends the queued CALLs. Call once.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("RunAsync runs once per connection.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inbound = Channel.CreateBounded<InboundCall>(new BoundedChannelOptions(Math.Max(1, _options.InboundQueueCapacity))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var sending = SendCallsAsync(stop.Token);
        var serving = ServeCallsAsync(inbound.Reader, stop.Token);
        string reason = "stopped";
        try
        {
            while (true)
            {
                try
                {
                    var received = await _channel.ReceiveAsync(stop.Token).ConfigureAwait(false);
                    if (received.IsClosed)
                    {
                        reason = received.CloseReason ?? "closed";
                        break;
                    }

                    await OnFrameAsync(received.Frame, inbound.Writer, stop.Token).ConfigureAwait(false);
                }
                catch (OcppConnectionClosedException ex)
                {
                    reason = ex.Message;
                    break;
                }
            }
        }
        finally
        {
            RpcLog.ConnectionEnded(_logger, StationId, reason);
            inbound.Writer.TryComplete();
            await ShutDownAsync(stop, sending, serving, reason).ConfigureAwait(false);
        }
    }

    private async Task OnFrameAsync(ReadOnlyMemory<byte> bytes, ChannelWriter<InboundCall> inbound, CancellationToken cancellationToken)
    {
        LogRawFrame("in", bytes.Span);
        if (!OcppFrameReader.TryParse(bytes, out var frame, out var error))
        {
            await OnBrokenFrameAsync(error, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (frame.MessageType)
        {
            case OcppMessageType.Call:
                await OnCallAsync(frame, inbound, cancellationToken).ConfigureAwait(false);
                break;
            case OcppMessageType.CallResult:
                OnCallResult(frame);
                break;
            default:
                OnCallError(frame);
                break;
        }
    }

    private async Task OnBrokenFrameAsync(OcppFrameError error, CancellationToken cancellationToken)
    {
        RpcLog.BrokenFrame(_logger, StationId, error.ReplyMessageId, error.Code, error.Description);
        ReportInvalidMessage(error.Code, "broken frame");
        if (error.ShouldReply)
        {
            await SendCallErrorAsync(error.ReplyMessageId, error.Code, error.Description, cancellationToken).ConfigureAwait(false);
        }
        else if (error.MessageId is { } messageId)
        {
            // A broken answer to our CALL still ends that CALL, sooner than its timeout would.
            OnBrokenAnswer(messageId, error);
        }
    }

    private async Task ShutDownAsync(CancellationTokenSource stop, Task sending, Task serving, string reason)
    {
        _calls.Writer.TryComplete();
        var closed = new OcppConnectionClosedException($"The connection to the CSMS closed: {reason}");
        Volatile.Write(ref _closed, closed);
        Volatile.Read(ref _outstanding)?.TryFail(closed);

        // Also fails a CALL that the send loop made outstanding after the line above read it.
        await stop.CancelAsync().ConfigureAwait(false);
        await sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (_calls.Reader.TryRead(out var pending))
        {
            pending.TryFail(closed);
            pending.Dispose();
        }
    }

    /// <summary>Sends one frame; frames never interleave (one writer at a time on the channel).</summary>
    private async Task SendFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            LogRawFrame("out", frame.Span);
            await _channel.SendAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task SendCallErrorAsync(string messageId, OcppErrorCode code, string description, CancellationToken cancellationToken)
    {
        using var buffer = new PooledBufferWriter();
        OcppFrameWriter.WriteCallError(buffer, messageId, code, description);
        await SendFrameAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        RpcLog.CallErrorSent(_logger, StationId, messageId, code, description);
    }

    private void LogRawFrame(string direction, ReadOnlySpan<byte> frame)
    {
        if (_frameLogger.IsEnabled(LogLevel.Debug))
        {
            RpcLog.RawFrame(_frameLogger, StationId, direction, FrameRedactor.Redact(Encoding.UTF8.GetString(frame)));
        }
    }
}
