using Chargebox.Protocol;
using Chargebox.Protocol.Messages;
using Chargebox.Protocol.Serialization;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Provisioning.Reports;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.Provisioning;

/// <summary>The device model as the CSMS sees it: GetVariables (B06), SetVariables (B05), GetBaseReport
/// and GetReport with their NotifyReport parts (B07, B08).</summary>
internal sealed class VariablesBlock
{
    private readonly StationServices _services;

    public VariablesBlock(StationServices services)
    {
        _services = services;
        services.Router.On<GetVariablesRequest, GetVariablesResponse>(GetVariables);
        services.Router.On<SetVariablesRequest, SetVariablesResponse>(SetVariablesAsync);
        services.Router.On<GetBaseReportRequest, GetBaseReportResponse>(GetBaseReport);
        services.Router.On<GetReportRequest, GetReportResponse>(GetReport);
    }

    private GetVariablesResponse GetVariables(GetVariablesRequest request) =>
        Answer(_services.DeviceModel.GetVariables(request, PayloadSize(request)));

    private async ValueTask<SetVariablesResponse> SetVariablesAsync(SetVariablesRequest request, CancellationToken cancellationToken) =>
        Answer(await _services.DeviceModel.SetVariablesAsync(request, PayloadSize(request), cancellationToken).ConfigureAwait(false));

    private GetBaseReportResponse GetBaseReport(GetBaseReportRequest request)
    {
        var decision = ReportBuilder.BaseReport(_services.DeviceModel, request.ReportBase);
        SendReportAfterAnswer(request.RequestId, decision);
        return new GetBaseReportResponse { Status = decision.Status, StatusInfo = decision.StatusInfo };
    }

    private GetReportResponse GetReport(GetReportRequest request)
    {
        var decision = ReportBuilder.CustomReport(_services.DeviceModel, request.ComponentCriteria, request.ComponentVariable);
        SendReportAfterAnswer(request.RequestId, decision);
        return new GetReportResponse { Status = decision.Status, StatusInfo = decision.StatusInfo };
    }

    private void SendReportAfterAnswer(int requestId, ReportDecision decision)
    {
        if (decision.Status != GenericDeviceModelStatusEnumType.Accepted)
        {
            return;
        }

        // B07.FR.xx: the report follows the response, in parts of at most ItemsPerMessageGetReport items,
        // queued in order; the RPC layer sends them one at a time.
        var parts = NotifyReportSplitter.Split(requestId, _services.Clock.GetUtcNow(), decision.Items, _services.DeviceModel.DeviceData.ItemsPerMessageGetReport);
        _services.Router.AfterAnswer(() =>
        {
            foreach (var part in parts)
            {
                _services.Link.Send(part);
            }
        });
    }

    private static TResponse Answer<TResponse>(BatchOutcome<TResponse> outcome)
        where TResponse : class =>
        outcome.Response ?? throw new CsmsCallRefusedException(outcome.ErrorCode!.Value, outcome.ErrorDescription ?? "");

    // BytesPerMessage limits count the payload; the re-serialised request is the payload without its
    // insignificant whitespace, which is what the limit is about.
    private static int PayloadSize(IOcppRequest request) =>
        OcppPayloadCodec.WriteToArray(request, request.Action.RequestTypeInfo).Length;
}
