using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Messages;
using static Chargebox.Station.Tests.DeviceModel.Requests;

namespace Chargebox.Station.Tests.DeviceModel;

public sealed class GetVariablesTests
{
    [Fact]
    public void TC_B_06_single_value_is_accepted_with_its_actual_value()
    {
        var result = Model().Get(Get("OCPPCommCtrlr", "OfflineThreshold", AttributeEnumType.Actual));

        Assert.Equal(GetVariableStatusEnumType.Accepted, result.AttributeStatus);
        Assert.Equal(AttributeEnumType.Actual, result.AttributeType);
        Assert.Equal("300", result.AttributeValue);
        Assert.Equal("OCPPCommCtrlr", result.Component.Name);
        Assert.Equal("OfflineThreshold", result.Variable.Name);
        Assert.Null(result.AttributeStatusInfo);
    }

    [Fact]
    public void Component_and_variable_names_compare_case_insensitively()
    {
        var result = Model().Get(Get("ocppcommctrlr", "offlinethreshold"));

        Assert.Equal(GetVariableStatusEnumType.Accepted, result.AttributeStatus);
        Assert.Equal("300", result.AttributeValue);
    }

    [Fact]
    public void TC_B_32_unknown_component()
    {
        var result = Model().Get(Get("UnknownComponent", "OfflineThreshold"));

        Assert.Equal(GetVariableStatusEnumType.UnknownComponent, result.AttributeStatus);
        Assert.Equal("UnknownComponent", result.Component.Name);
        Assert.Null(result.AttributeValue);
    }

    [Fact]
    public void TC_B_33_unknown_variable()
    {
        var result = Model().Get(Get("OCPPCommCtrlr", "UnknownVariable"));

        Assert.Equal(GetVariableStatusEnumType.UnknownVariable, result.AttributeStatus);
        Assert.Equal("UnknownVariable", result.Variable.Name);
        Assert.Null(result.AttributeValue);
    }

    [Fact]
    public void TC_B_34_not_supported_attribute_type_is_echoed()
    {
        var result = Model().Get(Get("OCPPCommCtrlr", "OfflineThreshold", AttributeEnumType.Target));

        Assert.Equal(GetVariableStatusEnumType.NotSupportedAttributeType, result.AttributeStatus);
        Assert.Equal(AttributeEnumType.Target, result.AttributeType);
        Assert.Null(result.AttributeValue);
    }

    [Fact]
    public async Task BasicAuthPassword_is_write_only_and_never_readable()
    {
        var model = Model();
        await model.SetAsync(Set("SecurityCtrlr", "BasicAuthPassword", "averysecretpassword1"), CancellationToken.None);

        var result = model.Get(Get("SecurityCtrlr", "BasicAuthPassword"));

        Assert.Equal(GetVariableStatusEnumType.Rejected, result.AttributeStatus);
        Assert.Null(result.AttributeValue);
        Assert.Equal("averysecretpassword1", model.Security.BasicAuthPassword);
    }

    [Fact]
    public void Evse_variables_are_found_by_evse_id_only()
    {
        var model = Model();

        Assert.Equal(GetVariableStatusEnumType.Accepted, model.Get(Get("EVSE", "AvailabilityState", evseId: 1)).AttributeStatus);
        Assert.Equal(GetVariableStatusEnumType.UnknownComponent, model.Get(Get("EVSE", "AvailabilityState", evseId: 2)).AttributeStatus);
        Assert.Equal(GetVariableStatusEnumType.UnknownComponent, model.Get(Get("EVSE", "AvailabilityState")).AttributeStatus);
    }

    [Fact]
    public void ClockCtrlr_DateTime_reads_the_injected_clock()
    {
        var result = Model().Get(Get("ClockCtrlr", "DateTime"));

        Assert.Equal("2026-03-01T12:00:00.000Z", result.AttributeValue);
    }

    [Fact]
    public void TC_B_07_multiple_values_in_one_request()
    {
        var outcome = Model().GetVariables(
            new GetVariablesRequest { GetVariableData = [Get("OCPPCommCtrlr", "OfflineThreshold"), Get("AuthCtrlr", "LocalAuthorizeOffline")] },
            payloadBytes: 200);

        Assert.NotNull(outcome.Response);
        Assert.Equal(["300", "true"], outcome.Response.GetVariableResult.Select(r => r.AttributeValue));
    }

    [Fact]
    public void More_items_than_ItemsPerMessageGetVariables_answers_OccurrenceConstraintViolation()
    {
        var data = Enumerable.Repeat(Get("OCPPCommCtrlr", "OfflineThreshold"), 31).ToArray();

        var outcome = Model().GetVariables(new GetVariablesRequest { GetVariableData = data }, payloadBytes: 1000);

        Assert.Null(outcome.Response);
        Assert.Equal(OcppErrorCode.OccurrenceConstraintViolation, outcome.ErrorCode);
        Assert.Contains("getVariableData", outcome.ErrorDescription);
    }

    [Fact]
    public void More_bytes_than_BytesPerMessageGetVariables_answers_FormatViolation()
    {
        var outcome = Model().GetVariables(new GetVariablesRequest { GetVariableData = [Get("OCPPCommCtrlr", "OfflineThreshold")] }, payloadBytes: 1048577);

        Assert.Equal(OcppErrorCode.FormatViolation, outcome.ErrorCode);
    }
}
