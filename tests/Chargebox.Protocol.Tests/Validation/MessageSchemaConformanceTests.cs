using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Serialization;
using Chargebox.Protocol.Validation;

namespace Chargebox.Protocol.Tests.Validation;

/// <summary>For every schema of every OCPP 2.0.1 action: a conforming example passes validation and
/// deserialization and writes back to conforming JSON; one-place mutations fail with the expected code
/// and name the mutated field.</summary>
public sealed class MessageSchemaConformanceTests
{
    public static TheoryData<string, bool> Payloads()
    {
        var data = new TheoryData<string, bool>();
        foreach (var action in OcppActions.All)
        {
            data.Add(action.Name, true);
            data.Add(action.Name, false);
        }

        return data;
    }

    private static (SchemaNode Schema, System.Text.Json.Serialization.Metadata.JsonTypeInfo TypeInfo) Side(string actionName, bool request)
    {
        var action = OcppActions.All.Single(a => a.Name == actionName);
        return request ? (action.RequestSchema, action.RequestTypeInfo) : (action.ResponseSchema, action.ResponseTypeInfo);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Conforming_examples_pass_read_and_write_back_conforming(string actionName, bool request)
    {
        var (schema, typeInfo) = Side(actionName, request);
        foreach (var full in new[] { false, true })
        {
            var payload = ExamplePayloads.Conforming(schema, full);

            Assert.Null(PayloadValidator.Validate(payload, schema));
            Assert.True(OcppPayloadCodec.TryRead(payload, schema, typeInfo, out var message, out var error), error.Description);
            Assert.IsType(typeInfo.Type, message);
            var written = OcppPayloadCodec.WriteToArray(message, typeInfo);
            Assert.Null(PayloadValidator.Validate(written, schema));
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Each_required_property_left_out_is_an_OccurrenceConstraintViolation(string actionName, bool request)
    {
        var (schema, _) = Side(actionName, request);
        foreach (var property in schema.Properties.Where(p => p.Required))
        {
            var error = PayloadValidator.Validate(ExamplePayloads.WithProperty(schema, property.Name, null), schema);
            Assert.Equal(OcppErrorCode.OccurrenceConstraintViolation, error?.Code);
            Assert.Equal(property.Name, error?.Path);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Each_property_of_the_wrong_type_is_a_TypeConstraintViolation(string actionName, bool request)
    {
        var (schema, _) = Side(actionName, request);
        foreach (var property in schema.Properties)
        {
            if (ExamplePayloads.WrongType(property.Schema) is not { } wrong)
            {
                continue;
            }

            var error = PayloadValidator.Validate(ExamplePayloads.WithProperty(schema, property.Name, wrong), schema);
            Assert.Equal(OcppErrorCode.TypeConstraintViolation, error?.Code);
            Assert.Equal(property.Name, error?.Path);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Each_bad_value_is_a_PropertyConstraintViolation(string actionName, bool request)
    {
        var (schema, _) = Side(actionName, request);
        foreach (var property in schema.Properties.Where(p => p.Schema.Kind == SchemaKind.String))
        {
            var node = property.Schema;
            string? bad = node.Enum is not null ? "NotAValue"
                : node.IsDateTime ? "2024-02-30T10:00:00Z"
                : node.MaxLength is { } max ? new string('\u00e9', max + 1)
                : null;
            if (bad is null)
            {
                continue;
            }

            var error = PayloadValidator.Validate(ExamplePayloads.WithProperty(schema, property.Name, w => w.WriteStringValue(bad)), schema);
            Assert.Equal(OcppErrorCode.PropertyConstraintViolation, error?.Code);
            Assert.Equal(property.Name, error?.Path);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void An_unknown_property_is_a_FormatViolation(string actionName, bool request)
    {
        var (schema, _) = Side(actionName, request);
        var error = PayloadValidator.Validate(ExamplePayloads.WithProperty(schema, "notInTheSchema", w => w.WriteNumberValue(1)), schema);
        Assert.Equal(OcppErrorCode.FormatViolation, error?.Code);
        Assert.Equal("notInTheSchema", error?.Path);
    }
}
