using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Provisioning.Reports;

/// <summary>Splits report items into NotifyReportRequests of at most ItemsPerMessageGetReport items:
/// seqNo counts from 0 and tbc is true on every part but the last (B07.FR.04, B08.FR.04).</summary>
internal static class NotifyReportSplitter
{
    public static IReadOnlyList<NotifyReportRequest> Split(int requestId, DateTimeOffset generatedAt, IReadOnlyList<ReportDataType> items, int itemsPerMessage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(itemsPerMessage, 1);
        var parts = new List<NotifyReportRequest>();
        for (var start = 0; start < items.Count || parts.Count == 0; start += itemsPerMessage)
        {
            var count = Math.Min(itemsPerMessage, items.Count - start);
            var last = start + count >= items.Count;
            parts.Add(new NotifyReportRequest
            {
                RequestId = requestId,
                GeneratedAt = generatedAt,
                SeqNo = parts.Count,
                Tbc = !last,
                ReportData = count > 0 ? items.Skip(start).Take(count).ToArray() : null,
            });
        }

        return parts;
    }
}
