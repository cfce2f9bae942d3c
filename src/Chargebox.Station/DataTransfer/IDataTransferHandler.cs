using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DataTransfer;

/// <summary>Serves the CSMS's DataTransfer requests (P01) for one vendorId: an integrator's extension point
/// for vendor-specific messages, registered in <see cref="ChargingStationOptions.DataTransferHandlers"/>.
/// </summary>
/// <remarks>
/// Called on the station's loop, one request at a time, so the station does nothing else until the returned
/// task completes: answer quickly and do long work elsewhere. Return status <c>UnknownMessageId</c> for a
/// messageId the handler does not implement (P01.FR.06), <c>Accepted</c> or <c>Rejected</c> otherwise,
/// with optional <c>data</c>. An exception is answered to the CSMS as a CALLERROR InternalError.
/// </remarks>
public interface IDataTransferHandler
{
    ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, CancellationToken cancellationToken);
}
