using System.Diagnostics;
using System.Text.Json;
using Chargebox.Testing.Csms;

namespace Chargebox.LatencyBench;

/// <summary>RequestStartTransaction to the TransactionEvent it causes (F01, EV already plugged in,
/// AuthorizeRemoteStart false): the CSMS sends the request and times until the station's Started event
/// arrives; then it stops the transaction remotely and answers every event until Ended, so that each run
/// starts from the same state.</summary>
internal static class RemoteStartLatency
{
    private const string Start = """{"idToken":{"idToken":"BENCH0001","type":"ISO14443"},"evseId":1,"remoteStartId":1}""";

    public static async Task<Latencies> MeasureAsync(TestStationConnection connection, int runs, int warmUp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = new Latencies("RequestStartTransaction: sent → Started", runs);
        for (var i = 0; i < warmUp + runs; i++)
        {
            var sentAt = Stopwatch.GetTimestamp();
            var accepted = await connection.CallAsync("RequestStartTransaction", Start, timeout, cancellationToken);
            var startedEvent = await connection.ExpectCallAsync("TransactionEvent", timeout, cancellationToken);
            var startedAt = Stopwatch.GetTimestamp();
            if (accepted.IsError || accepted.Payload.GetProperty("status").GetString() != "Accepted" || startedEvent["eventType"] != "Started")
            {
                throw new InvalidOperationException($"Run {i}: remote start not accepted or no Started event ({accepted.ErrorCode ?? accepted.Payload.GetRawText()}).");
            }

            if (i >= warmUp)
            {
                started.Add(startedAt - sentAt);
            }

            await connection.ReplyAsync(startedEvent, """{"idTokenInfo":{"status":"Accepted"}}""", cancellationToken);
            var transactionId = startedEvent.Payload.GetProperty("transactionInfo").GetProperty("transactionId").GetString();
            await connection.CallAsync("RequestStopTransaction", JsonSerializer.Serialize(new { transactionId }), timeout, cancellationToken);
            while (true)
            {
                var next = await connection.ExpectCallAsync("TransactionEvent", timeout, cancellationToken);
                await connection.ReplyAsync(next, "{}", cancellationToken);
                if (next["eventType"] == "Ended")
                {
                    break;
                }
            }
        }

        return started;
    }
}
