using Chargebox.Protocol.Framing;
using Microsoft.Extensions.Logging;

namespace Chargebox.Transport.Rpc;

/// <summary>The log lines of the RPC layer, with stable event ids.</summary>
internal static partial class RpcLog
{
    /// <summary>The category of raw frame logging, apart so that it can be switched on alone. Every frame
    /// in and out at Debug, its secrets masked (<see cref="FrameRedactor"/>).</summary>
    public const string FramesCategory = "Chargebox.Transport.Rpc.Frames";

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "{StationId} {Direction} {Frame}")]
    public static partial void RawFrame(this ILogger logger, string stationId, string direction, string frame);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "{StationId} sent CALL {Action} {MessageId}")]
    public static partial void CallSent(this ILogger logger, string stationId, string action, string messageId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "{StationId} received CALLRESULT {Action} {MessageId}")]
    public static partial void CallResultReceived(this ILogger logger, string stationId, string action, string messageId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "{StationId} received CALLERROR {Action} {MessageId}: {ErrorCode} {ErrorDescription}")]
    public static partial void CallErrorReceived(this ILogger logger, string stationId, string action, string messageId, string errorCode, string errorDescription);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "{StationId} received CALL {Action} {MessageId}")]
    public static partial void CallReceived(this ILogger logger, string stationId, string action, string messageId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "{StationId} sent CALLRESULT {Action} {MessageId}")]
    public static partial void CallResultSent(this ILogger logger, string stationId, string action, string messageId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Debug, Message = "{StationId} sent CALLERROR {MessageId}: {ErrorCode} {ErrorDescription}")]
    public static partial void CallErrorSent(this ILogger logger, string stationId, string messageId, OcppErrorCode errorCode, string errorDescription);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "{StationId} got no answer to CALL {Action} {MessageId} within {Timeout}")]
    public static partial void CallTimedOut(this ILogger logger, string stationId, string action, string messageId, TimeSpan timeout);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "{StationId} dropped {MessageType} {MessageId}: it answers no outstanding CALL (unknown, timed out or already answered)")]
    public static partial void AnswerDropped(this ILogger logger, string stationId, OcppMessageType messageType, string messageId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "{StationId} received a broken frame (message id {MessageId}): {ErrorCode} {ErrorDescription}")]
    public static partial void BrokenFrame(this ILogger logger, string stationId, string messageId, OcppErrorCode errorCode, string errorDescription);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "{StationId} received an invalid CALLRESULT {Action} {MessageId}: {ErrorCode} {ErrorDescription}")]
    public static partial void InvalidResponse(this ILogger logger, string stationId, string action, string messageId, OcppErrorCode errorCode, string errorDescription);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Error, Message = "{StationId} failed to handle CALL {Action} {MessageId}; answered InternalError")]
    public static partial void HandlerFailed(this ILogger logger, Exception exception, string stationId, string action, string messageId);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Error, Message = "{StationId} could not answer CALL {Action} {MessageId}: {Problem}; answered InternalError")]
    public static partial void BadOutcome(this ILogger logger, string stationId, string action, string messageId, string problem);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Error, Message = "{StationId} failed to take the outcome of CALL {Action}")]
    public static partial void SettleFailed(this ILogger logger, Exception exception, string stationId, string action);

    [LoggerMessage(EventId = 1030, Level = LogLevel.Information, Message = "{StationId} RPC connection ended: {Reason}")]
    public static partial void ConnectionEnded(this ILogger logger, string stationId, string reason);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Warning, Message = "{StationId} could not send a frame: the connection is gone")]
    public static partial void SendFailed(this ILogger logger, Exception exception, string stationId);

    [LoggerMessage(EventId = 1032, Level = LogLevel.Error, Message = "{StationId} InvalidMessageReceived threw; ignored")]
    public static partial void InvalidMessageObserverFailed(this ILogger logger, Exception exception, string stationId);
}
