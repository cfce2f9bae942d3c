using System.Text.Json.Nodes;

namespace Chargebox.Host.Demo;

/// <summary>A CALL the demo CSMS received, with what it answered.</summary>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="StationId">The identity in the connection URL.</param>
/// <param name="Action">The OCPP action.</param>
/// <param name="Payload">The request payload.</param>
/// <param name="Answer">A short form of the answer, e.g. <c>Accepted</c>, or the CALLERROR code.</param>
internal sealed record DemoMessage(DateTimeOffset ReceivedAt, string StationId, string Action, JsonObject Payload, string? Answer);
