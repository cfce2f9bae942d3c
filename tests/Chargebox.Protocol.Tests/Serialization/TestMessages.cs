using System.Text.Json.Serialization;

namespace Chargebox.Protocol.Tests.Serialization;

// Small stand-ins for generated message classes, matching the hand-built schemas in TestSchemas.

internal sealed class TestChargingStation
{
    public required string Model { get; init; }

    public required string VendorName { get; init; }

    public string? SerialNumber { get; init; }
}

internal sealed class TestBootNotificationRequest
{
    public required TestChargingStation ChargingStation { get; init; }

    public required string Reason { get; init; }
}

internal sealed class TestBootNotificationResponse
{
    public required DateTimeOffset CurrentTime { get; init; }

    public required int Interval { get; init; }

    public required string Status { get; init; }
}

internal sealed class TestHeartbeatRequest
{
}

/// <summary>Disagrees with <c>TestSchemas.Bounded</c> on purpose: the schema allows any number for
/// energyAmount, the class holds an int, so 0.5 passes validation but fails deserialization.</summary>
internal sealed class TestMismatchedBounded
{
    public int? EnergyAmount { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TestBootNotificationRequest))]
[JsonSerializable(typeof(TestBootNotificationResponse))]
[JsonSerializable(typeof(TestHeartbeatRequest))]
[JsonSerializable(typeof(TestMismatchedBounded))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
