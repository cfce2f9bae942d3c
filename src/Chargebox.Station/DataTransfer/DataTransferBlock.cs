using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.DataTransfer;

/// <summary>DataTransfer from the CSMS (P01): handed to the integrator's handler for its vendorId; a vendorId
/// nobody registered is answered UnknownVendorId (P01.FR.05). Vendor ids compare case-insensitively, as
/// identifiers do throughout OCPP.</summary>
internal sealed partial class DataTransferBlock
{
    private readonly Dictionary<string, IDataTransferHandler> _handlers;
    private readonly ILogger _logger;
    private readonly string _stationId;

    public DataTransferBlock(StationServices services, IReadOnlyDictionary<string, IDataTransferHandler> handlers)
    {
        _stationId = services.StationId;
        _logger = services.LoggerFactory.CreateLogger<DataTransferBlock>();
        _handlers = new Dictionary<string, IDataTransferHandler>(StringComparer.OrdinalIgnoreCase);
        foreach (var (vendorId, handler) in handlers)
        {
            ArgumentNullException.ThrowIfNull(handler, nameof(handlers));
            if (!_handlers.TryAdd(vendorId, handler))
            {
                throw new ArgumentException($"DataTransferHandlers: vendorId '{vendorId}' is registered twice (vendor ids are case-insensitive).", nameof(handlers));
            }
        }

        services.Router.On<DataTransferRequest, DataTransferResponse>(HandleAsync);
    }

    private async ValueTask<DataTransferResponse> HandleAsync(DataTransferRequest request, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(request.VendorId, out var handler))
        {
            // P01.FR.05: no vendor-specific implementation for this vendorId.
            return new DataTransferResponse
            {
                Status = DataTransferStatusEnumType.UnknownVendorId,
                StatusInfo = new StatusInfoType { ReasonCode = "UnknownVendorId", AdditionalInfo = "No DataTransfer handler is registered for this vendorId." },
            };
        }

        DataTransferResponse? response;
        try
        {
            response = await handler.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An integrator's bug must not take the station down; the CSMS learns that the call failed.
            LogHandlerFailed(_logger, _stationId, request.VendorId, request.MessageId, ex);
            throw new CsmsCallRefusedException(OcppErrorCode.InternalError, $"The DataTransfer handler for vendorId '{request.VendorId}' failed.");
        }

        return response ?? throw new CsmsCallRefusedException(OcppErrorCode.InternalError, $"The DataTransfer handler for vendorId '{request.VendorId}' gave no response.");
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Station {StationId}: the DataTransfer handler for vendorId {VendorId} failed on messageId {MessageId}")]
    private static partial void LogHandlerFailed(ILogger logger, string stationId, string vendorId, string? messageId, Exception exception);
}
