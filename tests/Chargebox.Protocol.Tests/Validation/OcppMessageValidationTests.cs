using System.Text;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Protocol.Serialization;
using Chargebox.Protocol.Validation;

namespace Chargebox.Protocol.Tests.Validation;

/// <summary>The validator and the codec on the generated OCPP 2.0.1 schemas and message classes.</summary>
public sealed class OcppMessageValidationTests
{
    private static PayloadError? Validate(string json, SchemaNode schema) =>
        PayloadValidator.Validate(Encoding.UTF8.GetBytes(json), schema);

    private static void AssertRefused(string json, SchemaNode schema, OcppErrorCode code, string path)
    {
        var error = Validate(json, schema);
        Assert.Equal(code, error?.Code);
        Assert.Equal(path, error?.Path);
    }

    [Fact]
    public void BootNotificationRequest_without_chargingStation_is_an_OccurrenceConstraintViolation() =>
        AssertRefused("""{"reason":"PowerUp"}""", OcppSchemas.BootNotificationRequest, OcppErrorCode.OccurrenceConstraintViolation, "chargingStation");

    [Fact]
    public void BootNotificationRequest_with_reason_Foo_is_a_PropertyConstraintViolation() =>
        AssertRefused("""{"chargingStation":{"model":"M","vendorName":"V"},"reason":"Foo"}""",
            OcppSchemas.BootNotificationRequest, OcppErrorCode.PropertyConstraintViolation, "reason");

    [Fact]
    public void BootNotificationRequest_with_a_21_character_model_is_a_PropertyConstraintViolation() =>
        AssertRefused("""{"chargingStation":{"model":"ABCDEFGHIJKLMNOPQRSTU","vendorName":"V"},"reason":"PowerUp"}""",
            OcppSchemas.BootNotificationRequest, OcppErrorCode.PropertyConstraintViolation, "chargingStation.model");

    [Fact]
    public void BootNotificationRequest_with_an_unknown_top_level_property_is_a_FormatViolation() =>
        AssertRefused("""{"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp","firmware":"1.0"}""",
            OcppSchemas.BootNotificationRequest, OcppErrorCode.FormatViolation, "firmware");

    [Fact]
    public void BootNotificationResponse_with_interval_as_a_string_is_a_TypeConstraintViolation() =>
        AssertRefused("""{"currentTime":"2024-05-06T10:00:00Z","interval":"300","status":"Accepted"}""",
            OcppSchemas.BootNotificationResponse, OcppErrorCode.TypeConstraintViolation, "interval");

    [Fact]
    public void GetVariablesRequest_with_no_items_is_an_OccurrenceConstraintViolation() =>
        AssertRefused("""{"getVariableData":[]}""", OcppSchemas.GetVariablesRequest, OcppErrorCode.OccurrenceConstraintViolation, "getVariableData");

    [Fact]
    public void Unknown_customData_properties_are_accepted_and_read() =>
        Assert.True(OcppPayloadCodec.TryRead(
            Encoding.UTF8.GetBytes("""
                {"customData":{"vendorId":"com.example","fleet":{"depot":7,"tags":["a","b"]}},
                 "chargingStation":{"model":"M","vendorName":"V","customData":{"vendorId":"x","serial":null}},"reason":"PowerUp"}
                """),
            OcppSchemas.BootNotificationRequest, OcppJsonContext.Default.BootNotificationRequest, out _, out var error), error.Description);

    [Fact]
    public void TransactionEvent_with_seven_fractional_digits_and_offset_zero_is_accepted_and_read()
    {
        var payload = Encoding.UTF8.GetBytes("""
            {"eventType":"Updated","timestamp":"2024-05-06T10:00:00.1234567+00:00","triggerReason":"MeterValuePeriodic","seqNo":3,
             "transactionInfo":{"transactionId":"tx-1","chargingState":"Charging"},
             "evse":{"id":1,"connectorId":1},
             "meterValue":[{"timestamp":"2024-05-06T10:00:00.1234567+00:00","sampledValue":[
               {"value":1234.5,"measurand":"Energy.Active.Import.Register","unitOfMeasure":{"unit":"Wh"}},
               {"value":230.1,"measurand":"Voltage","phase":"L1-N"}]}]}
            """);

        Assert.True(OcppPayloadCodec.TryRead(payload, OcppActions.TransactionEvent.RequestSchema,
            OcppJsonContext.Default.TransactionEventRequest, out var request, out var error), error.Description);
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), request.Timestamp);
        Assert.Equal(3, request.SeqNo);
        Assert.Equal(2, request.MeterValue![0].SampledValue.Count);
    }

    [Fact]
    public void TransactionEvent_with_a_bad_measurand_names_its_path() =>
        AssertRefused("""
            {"eventType":"Updated","timestamp":"2024-05-06T10:00:00Z","triggerReason":"MeterValuePeriodic","seqNo":3,
             "transactionInfo":{"transactionId":"tx-1"},
             "meterValue":[{"timestamp":"2024-05-06T10:00:00Z","sampledValue":[{"value":1},{"value":2,"measurand":"Volts"}]}]}
            """, OcppSchemas.TransactionEventRequest, OcppErrorCode.PropertyConstraintViolation, "meterValue[0].sampledValue[1].measurand");

    [Fact]
    public void DataTransfer_data_takes_any_JSON_value() =>
        Assert.Null(Validate("""{"vendorId":"com.example","data":{"nested":[1,"two",{"three":null}]}}""", OcppSchemas.DataTransferRequest));
}
