using System.Text;
using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Validation;

namespace Chargebox.Protocol.Tests.Validation;

public sealed class PayloadValidatorTests
{
    private const string ValidBoot = """
        {"chargingStation":{"model":"SingleSocketCharger","vendorName":"VendorX"},"reason":"PowerUp"}
        """;

    private const string ValidMeterValues = """
        {"evseId":1,"meterValue":[
          {"timestamp":"2024-05-06T10:00:00Z","sampledValue":[{"value":1.5},{"value":230,"measurand":"Voltage"}]},
          {"timestamp":"2024-05-06T10:01:00Z","sampledValue":[{"value":2}]}]}
        """;

    private static PayloadError? Validate(string json, SchemaNode schema) =>
        PayloadValidator.Validate(Encoding.UTF8.GetBytes(json), schema);

    private static PayloadError Refuse(string json, SchemaNode schema, OcppErrorCode expected, string expectedPath)
    {
        var error = Validate(json, schema);
        Assert.NotNull(error);
        Assert.Equal(expected, error.Value.Code);
        Assert.Equal(expectedPath, error.Value.Path);
        Assert.InRange(error.Value.Description.Length, 1, PayloadError.MaxDescriptionLength);
        if (expectedPath.Length > 0)
        {
            Assert.StartsWith(expectedPath + ": ", error.Value.Description, StringComparison.Ordinal);
        }

        return error.Value;
    }

    [Fact]
    public void A_conforming_payload_passes() => Assert.Null(Validate(ValidBoot, TestSchemas.BootNotificationRequest));

    [Fact]
    public void Nested_arrays_of_objects_pass() => Assert.Null(Validate(ValidMeterValues, TestSchemas.MeterValuesRequest));

    [Fact]
    public void Whitespace_anywhere_is_fine() =>
        Assert.Null(Validate(
            " \r\n\t{ \"chargingStation\" :\n { \"model\" : \"M\" ,\t\"vendorName\":\"V\" } ,\r\n \"reason\" : \"PowerUp\" }\n\n ",
            TestSchemas.BootNotificationRequest));

    // Part 4, table 8: FormatViolation, payload syntactically incorrect.
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"reason\":\"PowerUp\",}")]
    [InlineData("{\"reason\":\"PowerUp\" /* note */}")]
    [InlineData("{'reason':'PowerUp'}")]
    [InlineData("{\"reason\":PowerUp}")]
    [InlineData("[]")]
    [InlineData("\"PowerUp\"")]
    [InlineData("42")]
    [InlineData("true")]
    public void Payload_that_is_not_a_JSON_object_is_a_FormatViolation(string json) =>
        Refuse(json, TestSchemas.BootNotificationRequest, OcppErrorCode.FormatViolation, "");

    [Fact]
    public void Content_after_the_payload_object_is_a_FormatViolation() =>
        Refuse(ValidBoot + " {}", TestSchemas.BootNotificationRequest, OcppErrorCode.FormatViolation, "");

    [Fact]
    public void Broken_JSON_after_a_type_error_is_still_a_FormatViolation() =>
        Refuse("""{"chargingStation":7,"reason":"PowerUp" """, TestSchemas.BootNotificationRequest, OcppErrorCode.FormatViolation, "");

    [Fact]
    public void Unknown_top_level_property_is_a_FormatViolation() =>
        Refuse("""{"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp","colour":"red"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.FormatViolation, "colour");

    [Fact]
    public void Unknown_nested_property_is_a_FormatViolation_naming_its_path() =>
        Refuse("""{"chargingStation":{"model":"M","vendorName":"V","modem":{"iccid":"1","pin":1234}},"reason":"PowerUp"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.FormatViolation, "chargingStation.modem.pin");

    [Fact]
    public void A_property_given_twice_is_a_FormatViolation() =>
        Refuse("""{"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp","reason":"Watchdog"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.FormatViolation, "reason");

    [Fact]
    public void A_string_that_is_not_UTF8_is_a_FormatViolation()
    {
        var payload = Encoding.UTF8.GetBytes("""{"chargingStation":{"model":"M?","vendorName":"V"},"reason":"PowerUp"}""");
        payload[Array.IndexOf(payload, (byte)'?')] = 0xFF;
        var error = PayloadValidator.Validate(payload, TestSchemas.BootNotificationRequest);
        Assert.Equal(OcppErrorCode.FormatViolation, error?.Code);
    }

    [Fact]
    public void A_huge_unknown_property_name_keeps_the_description_within_255_characters()
    {
        var name = new string('x', 1000);
        var error = Validate($$"""{"{{name}}":1}""", TestSchemas.BootNotificationRequest);
        Assert.Equal(OcppErrorCode.FormatViolation, error?.Code);
        Assert.InRange(error!.Value.Description.Length, 1, PayloadError.MaxDescriptionLength);
    }

    [Fact]
    public void Missing_required_property_is_an_OccurrenceConstraintViolation() =>
        Refuse("""{"reason":"PowerUp"}""", TestSchemas.BootNotificationRequest, OcppErrorCode.OccurrenceConstraintViolation, "chargingStation");

    [Fact]
    public void Missing_nested_required_property_names_its_path() =>
        Refuse("""{"chargingStation":{"vendorName":"V"},"reason":"PowerUp"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.OccurrenceConstraintViolation, "chargingStation.model");

    [Fact]
    public void Empty_array_below_minItems_is_an_OccurrenceConstraintViolation() =>
        Refuse("""{"getVariableData":[]}""", TestSchemas.GetVariablesRequest, OcppErrorCode.OccurrenceConstraintViolation, "getVariableData");

    [Fact]
    public void Array_above_maxItems_is_an_OccurrenceConstraintViolation()
    {
        Assert.Null(Validate("""{"limits":[1,2,3]}""", TestSchemas.Bounded));
        Refuse("""{"limits":[1,2,3,4]}""", TestSchemas.Bounded, OcppErrorCode.OccurrenceConstraintViolation, "limits");
    }

    [Theory]
    [InlineData("\"300\"", "a string")]
    [InlineData("1.5", "'1.5'")]
    [InlineData("{}", "an object")]
    [InlineData("[300]", "an array")]
    [InlineData("true", "a boolean")]
    [InlineData("3000000000", "32-bit")]
    public void Wrong_type_for_an_integer_is_a_TypeConstraintViolation(string interval, string mentioned)
    {
        var error = Refuse($$"""{"currentTime":"2024-05-06T10:00:00Z","interval":{{interval}},"status":"Accepted"}""",
            TestSchemas.BootNotificationResponse, OcppErrorCode.TypeConstraintViolation, "interval");
        Assert.Contains(mentioned, error.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("300.0")]
    [InlineData("3e2")]
    [InlineData("3.00E+2")]
    [InlineData("-0")]
    public void Integral_numbers_written_with_fraction_or_exponent_are_integers(string interval) =>
        Assert.Null(Validate($$"""{"currentTime":"2024-05-06T10:00:00Z","interval":{{interval}},"status":"Accepted"}""",
            TestSchemas.BootNotificationResponse));

    [Fact]
    public void Object_where_an_array_belongs_is_a_TypeConstraintViolation() =>
        Refuse("""{"getVariableData":{"component":"C","variable":"V"}}""", TestSchemas.GetVariablesRequest, OcppErrorCode.TypeConstraintViolation, "getVariableData");

    [Fact]
    public void Array_where_an_object_belongs_is_a_TypeConstraintViolation() =>
        Refuse("""{"chargingStation":[],"reason":"PowerUp"}""", TestSchemas.BootNotificationRequest, OcppErrorCode.TypeConstraintViolation, "chargingStation");

    [Fact]
    public void Number_where_a_string_belongs_is_a_TypeConstraintViolation() =>
        Refuse("""{"chargingStation":{"model":12,"vendorName":"V"},"reason":"PowerUp"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.TypeConstraintViolation, "chargingStation.model");

    [Fact]
    public void String_where_a_boolean_belongs_is_a_TypeConstraintViolation() =>
        Refuse("""{"enabled":"true"}""", TestSchemas.Bounded, OcppErrorCode.TypeConstraintViolation, "enabled");

    [Fact]
    public void Null_for_a_required_property_is_a_TypeConstraintViolation() =>
        Refuse("""{"chargingStation":{"model":null,"vendorName":"V"},"reason":"PowerUp"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.TypeConstraintViolation, "chargingStation.model");

    [Fact]
    public void Null_for_an_optional_property_counts_as_absent() =>
        Assert.Null(Validate("""{"chargingStation":{"model":"M","vendorName":"V","modem":null,"serialNumber":null},"reason":"PowerUp","customData":null}""",
            TestSchemas.BootNotificationRequest));

    [Fact]
    public void Null_as_an_array_item_is_a_TypeConstraintViolation() =>
        Refuse("""{"limits":[1,null]}""", TestSchemas.Bounded, OcppErrorCode.TypeConstraintViolation, "limits[1]");

    [Fact]
    public void Null_payload_stands_for_the_empty_payload()
    {
        Assert.Null(Validate("null", TestSchemas.HeartbeatRequest));
        Refuse("null", TestSchemas.BootNotificationRequest, OcppErrorCode.OccurrenceConstraintViolation, "chargingStation");
    }

    [Fact]
    public void Value_outside_the_enumeration_is_a_PropertyConstraintViolation()
    {
        var error = Refuse("""{"chargingStation":{"model":"M","vendorName":"V"},"reason":"Foo"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.PropertyConstraintViolation, "reason");
        Assert.Contains("'Foo'", error.Description, StringComparison.Ordinal);
        Assert.Contains("BootReasonEnumType", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Enumeration_values_are_case_sensitive() =>
        Refuse("""{"chargingStation":{"model":"M","vendorName":"V"},"reason":"powerup"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.PropertyConstraintViolation, "reason");

    [Fact]
    public void Escaped_enumeration_value_is_compared_unescaped() =>
        Assert.Null(Validate("""{"chargingStation":{"model":"M","vendorName":"V"},"reason":"Power\u0055p"}""",
            TestSchemas.BootNotificationRequest));

    [Fact]
    public void String_longer_than_maxLength_is_a_PropertyConstraintViolation()
    {
        Assert.Null(Validate(Boot(model: new string('m', 20)), TestSchemas.BootNotificationRequest));
        var error = Refuse(Boot(model: new string('m', 21)), TestSchemas.BootNotificationRequest,
            OcppErrorCode.PropertyConstraintViolation, "chargingStation.model");
        Assert.Contains("21", error.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u00e9", 20, true)] // two UTF-8 bytes each
    [InlineData("\u20ac", 20, true)] // three bytes each
    [InlineData("\U0001F50C", 20, true)] // four bytes, a surrogate pair in UTF-16
    [InlineData("\\u00e9", 20, true)] // escaped
    [InlineData("\\ud83d\\udd0c", 20, true)] // escaped surrogate pair: one code point
    [InlineData("\u00e9", 21, false)]
    [InlineData("\\u00e9", 21, false)]
    [InlineData("\U0001F50C", 21, false)]
    public void MaxLength_counts_code_points_of_the_unescaped_string(string character, int count, bool conforms)
    {
        var model = string.Concat(Enumerable.Repeat(character, count));
        var error = Validate(Boot(model), TestSchemas.BootNotificationRequest);
        Assert.Equal(conforms ? null : OcppErrorCode.PropertyConstraintViolation, error?.Code);
    }

    [Fact]
    public void Long_escaped_string_is_measured_too()
    {
        var vendorName = string.Concat(Enumerable.Repeat("\\u0041", 51));
        Refuse($$"""{"chargingStation":{"model":"M","vendorName":"{{vendorName}}"},"reason":"PowerUp"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.PropertyConstraintViolation, "chargingStation.vendorName");
    }

    [Theory]
    [InlineData("2024-05-06T10:00:00Z")]
    [InlineData("2024-05-06T10:00:00.123Z")]
    [InlineData("2024-05-06T10:00:00.1234567+00:00")]
    [InlineData("2024-05-06T12:00:00.5+02:00")]
    [InlineData("2024-05-06t10:00:00z")]
    public void RFC3339_date_times_pass(string timestamp) =>
        Assert.Null(Validate($$"""{"currentTime":"{{timestamp}}","interval":300,"status":"Accepted"}""", TestSchemas.BootNotificationResponse));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-05-06 10:00")]
    [InlineData("")]
    public void Date_time_that_is_not_RFC3339_is_a_PropertyConstraintViolation(string timestamp) =>
        Refuse($$"""{"currentTime":"{{timestamp}}","interval":300,"status":"Accepted"}""",
            TestSchemas.BootNotificationResponse, OcppErrorCode.PropertyConstraintViolation, "currentTime");

    [Theory]
    [InlineData("""{"departureSoC":-1}""", "departureSoC")]
    [InlineData("""{"departureSoC":101}""", "departureSoC")]
    [InlineData("""{"energyAmount":-0.001}""", "energyAmount")]
    public void Number_outside_minimum_or_maximum_is_a_PropertyConstraintViolation(string json, string path) =>
        Refuse(json, TestSchemas.Bounded, OcppErrorCode.PropertyConstraintViolation, path);

    [Theory]
    [InlineData("""{"departureSoC":0}""")]
    [InlineData("""{"departureSoC":100}""")]
    [InlineData("""{"energyAmount":0}""")]
    [InlineData("""{"energyAmount":12345.678}""")]
    public void Number_on_or_inside_its_bounds_passes(string json) => Assert.Null(Validate(json, TestSchemas.Bounded));

    [Fact]
    public void Violation_deep_in_arrays_names_the_full_path()
    {
        var error = Refuse("""
            {"evseId":1,"meterValue":[
              {"timestamp":"2024-05-06T10:00:00Z","sampledValue":[{"value":1.5},{"value":230,"measurand":"Volts"}]}]}
            """, TestSchemas.MeterValuesRequest, OcppErrorCode.PropertyConstraintViolation, "meterValue[0].sampledValue[1].measurand");
        Assert.Contains("MeasurandEnumType", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_property_inside_an_array_item_names_the_index() =>
        Refuse("""{"evseId":1,"meterValue":[{"timestamp":"2024-05-06T10:00:00Z","sampledValue":[{"value":1}]},{"sampledValue":[{"value":1}]}]}""",
            TestSchemas.MeterValuesRequest, OcppErrorCode.OccurrenceConstraintViolation, "meterValue[1].timestamp");

    [Fact]
    public void Unknown_customData_properties_are_accepted_whatever_they_are() =>
        Assert.Null(Validate("""
            {"customData":{"vendorId":"com.example","anything":[1,{"deep":[null,true,"x"]}],"n":1e400},
             "chargingStation":{"model":"M","vendorName":"V","customData":{"vendorId":"v","extra":{}}},
             "reason":"PowerUp"}
            """, TestSchemas.BootNotificationRequest));

    [Fact]
    public void CustomData_still_needs_its_vendorId() =>
        Refuse("""{"chargingStation":{"model":"M","vendorName":"V","customData":{"x":1}},"reason":"PowerUp"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.OccurrenceConstraintViolation, "chargingStation.customData.vendorId");

    [Fact]
    public void The_first_violation_in_document_order_is_reported() =>
        Refuse("""{"chargingStation":{"model":1,"vendorName":"V"},"reason":"Foo"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.TypeConstraintViolation, "chargingStation.model");

    [Fact]
    public void Excessive_nesting_is_a_FormatViolation_not_a_crash()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        Refuse($$"""{"customData":{"vendorId":"v","x":{{deep}}},"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp"}""",
            TestSchemas.BootNotificationRequest, OcppErrorCode.FormatViolation, "");
    }

    private static string Boot(string model) =>
        $$"""{"chargingStation":{"model":"{{model}}","vendorName":"V"},"reason":"PowerUp"}""";
}
