using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel;

internal sealed partial class StationDeviceModel
{
    /// <summary>Answers a GetVariablesRequest (B06). <paramref name="payloadBytes"/> is the size of the
    /// request payload as received. More items than ItemsPerMessageGetVariables answers CALLERROR
    /// OccurrenceConstraintViolation, more bytes than BytesPerMessageGetVariables CALLERROR
    /// FormatViolation (B06.FR.16, B06.FR.17).</summary>
    public BatchOutcome<GetVariablesResponse> GetVariables(GetVariablesRequest request, int payloadBytes)
    {
        if (CheckLimits(request.GetVariableData.Count, payloadBytes, "getVariableData", DeviceData.ItemsPerMessageGetVariables, DeviceData.BytesPerMessageGetVariables) is { } error)
        {
            return BatchOutcome<GetVariablesResponse>.CallError(error.Code, error.Description);
        }

        var results = new GetVariableResultType[request.GetVariableData.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Get(request.GetVariableData[i]);
        }

        return BatchOutcome<GetVariablesResponse>.Answer(new GetVariablesResponse { GetVariableResult = results });
    }

    /// <summary>Answers a SetVariablesRequest (B05), persisting and applying each accepted value in order.
    /// The same limits as <see cref="GetVariables"/> apply, with ItemsPerMessageSetVariables and
    /// BytesPerMessageSetVariables; over a limit nothing is set.</summary>
    public async ValueTask<BatchOutcome<SetVariablesResponse>> SetVariablesAsync(SetVariablesRequest request, int payloadBytes, CancellationToken cancellationToken)
    {
        if (CheckLimits(request.SetVariableData.Count, payloadBytes, "setVariableData", DeviceData.ItemsPerMessageSetVariables, DeviceData.BytesPerMessageSetVariables) is { } error)
        {
            return BatchOutcome<SetVariablesResponse>.CallError(error.Code, error.Description);
        }

        var results = new SetVariableResultType[request.SetVariableData.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = await SetAsync(request.SetVariableData[i], cancellationToken).ConfigureAwait(false);
        }

        return BatchOutcome<SetVariablesResponse>.Answer(new SetVariablesResponse { SetVariableResult = results });
    }

    private static (OcppErrorCode Code, string Description)? CheckLimits(int items, int payloadBytes, string field, int maxItems, int maxBytes)
    {
        if (items > maxItems)
        {
            return (OcppErrorCode.OccurrenceConstraintViolation, $"{field} has {items} elements; this station accepts at most {maxItems}");
        }

        if (payloadBytes > maxBytes)
        {
            return (OcppErrorCode.FormatViolation, $"the payload has {payloadBytes} bytes; this station accepts at most {maxBytes}");
        }

        return null;
    }
}
