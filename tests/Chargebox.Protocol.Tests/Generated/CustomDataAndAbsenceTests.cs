using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;

namespace Chargebox.Protocol.Tests.Generated;

public sealed class CustomDataAndAbsenceTests
{
    [Fact]
    public void Unknown_vendor_properties_in_customData_are_accepted_and_written_back()
    {
        const string json = """{"customData":{"vendorId":"com.example","colour":"green","limits":{"max":[1,2.5]}}}""";

        var request = JsonSerializer.Deserialize(json, OcppJsonContext.Default.HeartbeatRequest)!;

        Assert.Equal("com.example", request.CustomData!.VendorId);
        Assert.Equal("green", request.CustomData.AdditionalProperties!["colour"].GetString());
        Assert.Equal(json, JsonSerializer.Serialize(request, OcppJsonContext.Default.HeartbeatRequest));
    }

    [Fact]
    public void Absent_optional_properties_are_not_written()
    {
        var request = new BootNotificationRequest
        {
            Reason = BootReasonEnumType.PowerUp,
            ChargingStation = new ChargingStationType { Model = "CB-1", VendorName = "Chargebox" },
        };

        var json = JsonSerializer.Serialize(request, OcppJsonContext.Default.BootNotificationRequest);

        Assert.Equal("""{"chargingStation":{"model":"CB-1","vendorName":"Chargebox"},"reason":"PowerUp"}""", json);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_optional_properties_read_as_null()
    {
        var response = JsonSerializer.Deserialize("""{"status":"Accepted"}""", OcppJsonContext.Default.ResetResponse)!;

        Assert.Equal(ResetStatusEnumType.Accepted, response.Status);
        Assert.Null(response.StatusInfo);
        Assert.Null(response.CustomData);
    }

    [Fact]
    public void A_missing_required_property_fails_deserialisation()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"chargingStation":{"model":"m","vendorName":"v"}}""", OcppJsonContext.Default.BootNotificationRequest));
    }

    [Fact]
    public void DataTransfer_data_carries_any_json()
    {
        const string json = """{"data":{"nested":[true,null,"x"]},"vendorId":"com.example"}""";

        var request = JsonSerializer.Deserialize(json, OcppJsonContext.Default.DataTransferRequest)!;

        Assert.Equal(JsonValueKind.Object, request.Data!.Value.ValueKind);
        Assert.Equal(json, JsonSerializer.Serialize(request, OcppJsonContext.Default.DataTransferRequest));
    }
}
