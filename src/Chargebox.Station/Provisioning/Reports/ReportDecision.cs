using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Provisioning.Reports;

/// <summary>The answer to a GetBaseReport or GetReport request and the items to send afterwards in
/// NotifyReportRequests (none unless the status is Accepted). The core sends the response first, then
/// the parts from <see cref="NotifyReportSplitter"/>.</summary>
internal sealed record ReportDecision(GenericDeviceModelStatusEnumType Status, StatusInfoType? StatusInfo, IReadOnlyList<ReportDataType> Items)
{
    public static ReportDecision From(IReadOnlyList<ReportDataType> items) => items.Count == 0
        // B08: nothing matched the criteria.
        ? new(GenericDeviceModelStatusEnumType.EmptyResultSet, new StatusInfoType { ReasonCode = "NotFound", AdditionalInfo = "no component or variable matches the request" }, [])
        : new(GenericDeviceModelStatusEnumType.Accepted, null, items);

    public static ReportDecision NotSupported(string why) =>
        new(GenericDeviceModelStatusEnumType.NotSupported, new StatusInfoType { ReasonCode = "UnsupportedParam", AdditionalInfo = why }, []);
}
