using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Chargebox.Transport;

namespace Chargebox.Station.DataTransfer;

/// <summary>DataTransfer to the CSMS (P02): an integrator's vendor-specific message, sent like any other CALL
/// (in order, one outstanding at a time) and answered with the CSMS's response. Not queued while offline:
/// the integrator decides whether a vendor message is worth repeating.</summary>
internal sealed class DataTransferToCsms
{
    private readonly StationServices _services;

    public DataTransferToCsms(StationServices services) => _services = services;

    /// <summary>Called on the loop; the returned task completes (off the loop) with the CSMS's answer, or fails
    /// with the reason it could not be had.</summary>
    public Task<DataTransferResponse> Send(DataTransferRequest request)
    {
        if (!_services.Link.IsOnline)
        {
            return Task.FromException<DataTransferResponse>(new OcppConnectionClosedException("Cannot send DataTransfer: the station is offline."));
        }

        // B02.FR.xx / B03.FR.xx: until the CSMS accepted the BootNotification nothing else may be sent.
        if (!_services.CanSendToCsms)
        {
            return Task.FromException<DataTransferResponse>(new InvalidOperationException("Cannot send DataTransfer: the CSMS has not accepted the station's BootNotification."));
        }

        var answer = new TaskCompletionSource<DataTransferResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _services.Link.Send(
            request,
            (response, _) =>
            {
                answer.TrySetResult(response);
                return ValueTask.CompletedTask;
            },
            (failure, _) =>
            {
                answer.TrySetException(failure);
                return ValueTask.CompletedTask;
            });
        return answer.Task;
    }
}
