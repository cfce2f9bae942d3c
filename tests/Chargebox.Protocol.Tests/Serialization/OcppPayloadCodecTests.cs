using System.Buffers;
using System.Text;
using System.Text.Json;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Serialization;
using Chargebox.Protocol.Tests.Validation;

namespace Chargebox.Protocol.Tests.Serialization;

public sealed class OcppPayloadCodecTests
{
    private static readonly TestJsonContext Json = TestJsonContext.Default;

    private static ReadOnlySpan<byte> Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void TryRead_returns_the_message_of_a_conforming_payload()
    {
        var ok = OcppPayloadCodec.TryRead(
            Utf8("""{"chargingStation":{"model":"M1","vendorName":"V","serialNumber":null},"reason":"PowerUp"}"""),
            TestSchemas.BootNotificationRequest, Json.TestBootNotificationRequest, out var request, out var error);

        Assert.True(ok, error.Description);
        Assert.Equal("M1", request!.ChargingStation.Model);
        Assert.Null(request.ChargingStation.SerialNumber);
        Assert.Equal("PowerUp", request.Reason);
    }

    [Fact]
    public void TryRead_untyped_returns_an_instance_of_the_type_info_type()
    {
        var ok = OcppPayloadCodec.TryRead(
            Utf8("""{"currentTime":"2024-05-06T10:00:00.1234567+00:00","interval":300,"status":"Accepted"}"""),
            TestSchemas.BootNotificationResponse, (System.Text.Json.Serialization.Metadata.JsonTypeInfo)Json.TestBootNotificationResponse,
            out var value, out _);

        Assert.True(ok);
        var response = Assert.IsType<TestBootNotificationResponse>(value);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), response.CurrentTime);
    }

    [Fact]
    public void TryRead_refuses_a_nonconforming_payload_with_the_validator_error()
    {
        var ok = OcppPayloadCodec.TryRead(
            Utf8("""{"currentTime":"2024-05-06T10:00:00Z","interval":"300","status":"Accepted"}"""),
            TestSchemas.BootNotificationResponse, Json.TestBootNotificationResponse, out var response, out var error);

        Assert.False(ok);
        Assert.Null(response);
        Assert.Equal(OcppErrorCode.TypeConstraintViolation, error.Code);
        Assert.Equal("interval", error.Path);
    }

    [Theory]
    [InlineData("300.0")]
    [InlineData("3e2")]
    [InlineData("30000E-2")]
    public void TryRead_reads_integers_written_with_fraction_or_exponent(string interval)
    {
        var ok = OcppPayloadCodec.TryRead(
            Utf8($$"""{"currentTime":"2024-05-06T10:00:00Z","interval":{{interval}},"status":"Accepted"}"""),
            TestSchemas.BootNotificationResponse, Json.TestBootNotificationResponse, out var response, out var error);

        Assert.True(ok, error.Description);
        Assert.Equal(300, response!.Interval);
    }

    [Fact]
    public void Deserializer_failure_after_validation_becomes_a_FormatViolation_not_an_exception()
    {
        var ok = OcppPayloadCodec.TryRead(
            Utf8("""{"energyAmount":0.5}"""), TestSchemas.Bounded, Json.TestMismatchedBounded, out var value, out var error);

        Assert.False(ok);
        Assert.Null(value);
        Assert.Equal(OcppErrorCode.FormatViolation, error.Code);
        Assert.Equal("energyAmount", error.Path);
        Assert.Contains(nameof(TestMismatchedBounded), error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_payload_reads_as_the_empty_message()
    {
        var ok = OcppPayloadCodec.TryRead(Utf8(" null "), TestSchemas.HeartbeatRequest, Json.TestHeartbeatRequest, out var request, out _);

        Assert.True(ok);
        Assert.NotNull(request);
    }

    [Fact]
    public void Write_puts_the_payload_inside_a_frame_being_written()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(2);
            writer.WriteStringValue("19223201");
            writer.WriteStringValue("BootNotification");
            OcppPayloadCodec.Write(writer, BootRequest(), Json.TestBootNotificationRequest);
            writer.WriteEndArray();
        }

        Assert.Equal(
            """[2,"19223201","BootNotification",{"chargingStation":{"model":"M1","vendorName":"V"},"reason":"PowerUp"}]""",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Write_to_a_buffer_writer_reports_the_bytes_written()
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("prefix"u8);

        var written = OcppPayloadCodec.Write(buffer, BootRequest(), Json.TestBootNotificationRequest);

        Assert.Equal(buffer.WrittenCount - "prefix".Length, written);
        Assert.Equal(OcppPayloadCodec.WriteToArray(BootRequest(), Json.TestBootNotificationRequest), buffer.WrittenSpan[6..].ToArray());
    }

    [Fact]
    public void What_is_written_reads_back_and_conforms()
    {
        var bytes = OcppPayloadCodec.WriteToArray(BootRequest(), Json.TestBootNotificationRequest);

        Assert.True(OcppPayloadCodec.TryRead(bytes, TestSchemas.BootNotificationRequest, Json.TestBootNotificationRequest, out var read, out _));
        Assert.Equal("M1", read.ChargingStation.Model);
        Assert.Equal("V", read.ChargingStation.VendorName);
        Assert.Equal("PowerUp", read.Reason);
    }

    private static TestBootNotificationRequest BootRequest() => new()
    {
        ChargingStation = new TestChargingStation { Model = "M1", VendorName = "V" },
        Reason = "PowerUp",
    };
}
