using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The OCTT's side of N01 (GetLog) and F06 LogStatusNotification.</summary>
internal sealed partial class StationUnderTest
{
    public Task<GetLogResponse> GetLogAsync(
        LogEnumType logType, Uri remoteLocation, int requestId, int? retries = null, int? retryInterval = null, DateTimeOffset? oldest = null, DateTimeOffset? latest = null) =>
        GetLogAsync(logType, remoteLocation.ToString(), requestId, retries, retryInterval, oldest, latest);

    public Task<GetLogResponse> GetLogAsync(
        LogEnumType logType, string remoteLocation, int requestId, int? retries = null, int? retryInterval = null, DateTimeOffset? oldest = null, DateTimeOffset? latest = null) =>
        Connection.CallAsync(
            new GetLogRequest
            {
                LogType = logType,
                RequestId = requestId,
                Retries = retries,
                RetryInterval = retryInterval,
                Log = new LogParametersType { RemoteLocation = remoteLocation, OldestTimestamp = oldest, LatestTimestamp = latest },
            },
            Timeout);

    /// <summary>Takes the next LogStatusNotificationRequest, acknowledges it and checks its status and requestId.</summary>
    public async Task<LogStatusNotificationRequest> ExpectLogStatusAsync(UploadLogStatusEnumType status, int? requestId)
    {
        var call = await Connection.ExpectCallAsync<LogStatusNotificationRequest>(Timeout);
        await Connection.ReplyAsync(call, new LogStatusNotificationResponse());
        Assert.Equal(status, call.Request.Status);
        Assert.Equal(requestId, call.Request.RequestId);
        return call.Request;
    }
}
