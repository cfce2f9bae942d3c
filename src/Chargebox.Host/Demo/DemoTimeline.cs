using System.Globalization;
using System.Text.Json.Nodes;

namespace Chargebox.Host.Demo;

/// <summary>The demo's readable output: the script's steps and every message the CSMS received, in the
/// order they happened, with the time since the demo started.</summary>
internal sealed class DemoTimeline(TextWriter output, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly long _start = time.GetTimestamp();

    public void Step(string text) => Write("demo", $"▶ {text}");

    public void Note(string text) => Write("", $"  {text}");

    public void Received(DemoMessage message)
    {
        var details = Describe(message.Action, message.Payload);
        var answer = message.Answer is null ? "" : $" → {message.Answer}";
        Write("CSMS", $"← {message.Action}{(details.Length > 0 ? " " + details : "")}{answer}");
    }

    private void Write(string who, string text)
    {
        var seconds = time.GetElapsedTime(_start).TotalSeconds;
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{seconds,6:0.00} s  {who,-4}  {text}"));
        }
    }

    /// <summary>The fields of a request a reader of the timeline cares about.</summary>
    private static string Describe(string action, JsonObject payload) => action switch
    {
        "BootNotification" => $"(reason {Text(payload["reason"])}, {Text(payload["chargingStation"]?["vendorName"])} {Text(payload["chargingStation"]?["model"])})",
        "StatusNotification" => $"(EVSE {Text(payload["evseId"])} connector {Text(payload["connectorId"])}: {Text(payload["connectorStatus"])})",
        "Authorize" => $"(idToken {Text(payload["idToken"]?["idToken"])})",
        "TransactionEvent" => $"({Text(payload["eventType"])}, trigger {Text(payload["triggerReason"])}, transaction {Text(payload["transactionInfo"]?["transactionId"])}{ChargingState(payload)})",
        "MeterValues" => $"(EVSE {Text(payload["evseId"])})",
        "NotifyEvent" or "SecurityEventNotification" => $"({Text(payload["type"] ?? payload["eventData"]?[0]?["trigger"])})",
        _ => "",
    };

    private static string ChargingState(JsonObject payload) =>
        payload["transactionInfo"]?["chargingState"] is { } state ? $", {Text(state)}" : "";

    private static string Text(JsonNode? node) => node switch
    {
        null => "?",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
