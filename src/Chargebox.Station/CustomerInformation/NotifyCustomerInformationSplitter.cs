using System.Text;
using Chargebox.Protocol.Messages;

namespace Chargebox.Station.CustomerInformation;

/// <summary>Splits the customer data into NotifyCustomerInformationRequests whose data fits the schema's 512
/// characters: lines are kept whole where they fit, seqNo counts from 0 and tbc is true on every part but
/// the last (N09.FR.04). No data at all is one part with empty data.</summary>
internal static class NotifyCustomerInformationSplitter
{
    public const int MaxDataLength = 512;

    public static IReadOnlyList<NotifyCustomerInformationRequest> Split(int requestId, DateTimeOffset generatedAt, IReadOnlyList<string> lines)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var line in lines)
        {
            var separator = current.Length == 0 ? 0 : 1;
            if (current.Length + separator + line.Length > MaxDataLength && current.Length > 0)
            {
                chunks.Add(current.ToString());
                current.Clear();
                separator = 0;
            }

            if (separator == 1)
            {
                current.Append('\n');
            }

            // A single line longer than a part is cut where the part is full.
            var rest = line.AsSpan();
            while (current.Length + rest.Length > MaxDataLength)
            {
                var room = MaxDataLength - current.Length;
                current.Append(rest[..room]);
                chunks.Add(current.ToString());
                current.Clear();
                rest = rest[room..];
            }

            current.Append(rest);
        }

        if (current.Length > 0 || chunks.Count == 0)
        {
            chunks.Add(current.ToString());
        }

        return chunks
            .Select((data, seqNo) => new NotifyCustomerInformationRequest
            {
                RequestId = requestId,
                GeneratedAt = generatedAt,
                SeqNo = seqNo,
                Tbc = seqNo < chunks.Count - 1,
                Data = data,
            })
            .ToArray();
    }
}
