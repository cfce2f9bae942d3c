using System.Threading.Channels;
using Chargebox.Protocol;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Serialization;

namespace Chargebox.Transport.Rpc;

// CALLs from the CSMS: checked and deserialised on the receive loop (the frame's memory is valid only
// until the next receive), then served one at a time by the handler on a loop of their own, so that the
// receive loop keeps reading the answer to our own outstanding CALL (Part 4, 4.1.1 note).
public sealed partial class OcppRpcConnection
{
    private async Task OnCallAsync(OcppFrame frame, ChannelWriter<InboundCall> inbound, CancellationToken cancellationToken)
    {
        string name = frame.Action!;
        RpcLog.CallReceived(_logger, StationId, name, frame.MessageId);
        if (IsInFlight(frame.MessageId))
        {
            // Part 4, 4.2.3 names the case but no code. RpcFrameworkError is the code for a CALL whose envelope
            // (not its payload) is not a valid RPC request, and its example is a messageId that cannot be read;
            // an id that cannot tell two requests apart is the same kind of defect.
            ReportInvalidMessage(OcppErrorCode.RpcFrameworkError, $"CALL {Named(name)} reuses the messageId of a CALL still being handled");
            await SendCallErrorAsync(frame.MessageId, OcppErrorCode.RpcFrameworkError, "A CALL with this messageId is still being handled.", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!_lookupAction(name, out var action))
        {
            ReportInvalidMessage(OcppErrorCode.NotImplemented, $"CALL of unknown action {Named(name)}");
            await SendCallErrorAsync(frame.MessageId, OcppErrorCode.NotImplemented, $"Action '{name}' is not known.", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (action.Direction == OcppDirection.ChargingStationToCsms)
        {
            ReportInvalidMessage(OcppErrorCode.NotSupported, $"CALL {name} sent to a charging station");
            await SendCallErrorAsync(frame.MessageId, OcppErrorCode.NotSupported, $"{name} is sent by a charging station, not to one.", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!OcppPayloadCodec.TryRead(frame.Payload.Span, action.RequestSchema, action.RequestTypeInfo, out var value, out var error))
        {
            ReportInvalidMessage(error.Code, $"CALL {name} payload");
            await SendCallErrorAsync(frame.MessageId, error.Code, error.Description, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (value is not IOcppRequest request)
        {
            await SendCallErrorAsync(frame.MessageId, OcppErrorCode.InternalError, $"{name} has no request type.", cancellationToken).ConfigureAwait(false);
            return;
        }

        MarkInFlight(frame.MessageId);
        await inbound.WriteAsync(new InboundCall(frame.MessageId, action, request), cancellationToken).ConfigureAwait(false);
    }

    private async Task ServeCallsAsync(ChannelReader<InboundCall> calls, CancellationToken stop)
    {
        try
        {
            await foreach (var call in calls.ReadAllAsync(stop).ConfigureAwait(false))
            {
                OcppCallOutcome outcome;
                try
                {
                    outcome = await HandleAsync(call, stop).ConfigureAwait(false);
                    await AnswerAsync(call, outcome, stop).ConfigureAwait(false);
                }
                finally
                {
                    MarkAnswered(call.MessageId);
                }

                RunAfterAnswered(call, outcome);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The connection is ending; its CALLs can no longer be answered.
        }
        catch (OcppConnectionClosedException ex)
        {
            RpcLog.SendFailed(_logger, ex, StationId);
        }
    }

    private void RunAfterAnswered(InboundCall call, OcppCallOutcome outcome)
    {
        try
        {
            outcome.AfterAnswered?.Invoke();
        }
        catch (Exception ex)
        {
            RpcLog.HandlerFailed(_logger, ex, StationId, call.Action.Name, call.MessageId);
        }
    }

    private async ValueTask<OcppCallOutcome> HandleAsync(InboundCall call, CancellationToken stop)
    {
        if (_handler is null)
        {
            return OcppCallOutcome.NotSupported(call.Action);
        }

        try
        {
            return await _handler.HandleAsync(call.Action, call.Request, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            RpcLog.HandlerFailed(_logger, ex, StationId, call.Action.Name, call.MessageId);
            return OcppCallOutcome.Error(OcppErrorCode.InternalError, $"{call.Action.Name} could not be processed.");
        }
    }

    private async Task AnswerAsync(InboundCall call, OcppCallOutcome outcome, CancellationToken stop)
    {
        var action = call.Action;
        if (outcome.Response is null)
        {
            if (outcome.ErrorDescription is null)
            {
                RpcLog.BadOutcome(_logger, StationId, action.Name, call.MessageId, "the handler returned no outcome");
                outcome = OcppCallOutcome.Error(OcppErrorCode.InternalError, $"{action.Name} could not be processed.");
            }

            await SendCallErrorAsync(call.MessageId, outcome.ErrorCode, outcome.ErrorDescription!, stop).ConfigureAwait(false);
            return;
        }

        if (outcome.Response.GetType() != action.ResponseType)
        {
            RpcLog.BadOutcome(_logger, StationId, action.Name, call.MessageId, $"the handler returned {outcome.Response.GetType().Name}, not {action.ResponseType.Name}");
            await SendCallErrorAsync(call.MessageId, OcppErrorCode.InternalError, $"{action.Name} could not be processed.", stop).ConfigureAwait(false);
            return;
        }

        using var buffer = new PooledBufferWriter();
        try
        {
            OcppFrameWriter.WriteCallResult(buffer, call.MessageId, (outcome.Response, action), static (writer, state) =>
                OcppPayloadCodec.Write(writer, state.Response, state.action.ResponseTypeInfo));
        }
        catch (Exception ex)
        {
            RpcLog.HandlerFailed(_logger, ex, StationId, action.Name, call.MessageId);
            await SendCallErrorAsync(call.MessageId, OcppErrorCode.InternalError, $"{action.Name} could not be processed.", stop).ConfigureAwait(false);
            return;
        }

        await SendFrameAsync(buffer.WrittenMemory, stop).ConfigureAwait(false);
        RpcLog.CallResultSent(_logger, StationId, action.Name, call.MessageId);
    }
}
