using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using static Chargebox.Station.Tests.DeviceModel.Requests;

namespace Chargebox.Station.Tests.DeviceModel;

public sealed class SetVariablesTests
{
    [Fact]
    public async Task TC_B_09_single_value_is_accepted_persisted_and_readable()
    {
        var store = new FakeDeviceModelStore();
        var model = Model(store);

        var result = await model.SetAsync(Set("OCPPCommCtrlr", "OfflineThreshold", "600", AttributeEnumType.Actual), CancellationToken.None);

        Assert.Equal(SetVariableStatusEnumType.Accepted, result.AttributeStatus);
        Assert.Equal(AttributeEnumType.Actual, result.AttributeType);
        Assert.Null(result.AttributeStatusInfo);
        Assert.Equal("600", store.Values["OCPPCommCtrlr/OfflineThreshold/Actual"]);
        Assert.Equal(TimeSpan.FromSeconds(600), model.OcppComm.OfflineThreshold);
    }

    [Fact]
    public async Task TC_B_35_unknown_component()
    {
        var result = await Model().SetAsync(Set("UnknownComponent", "OfflineThreshold", "300"), CancellationToken.None);

        Assert.Equal(SetVariableStatusEnumType.UnknownComponent, result.AttributeStatus);
    }

    [Fact]
    public async Task TC_B_36_unknown_variable()
    {
        var result = await Model().SetAsync(Set("OCPPCommCtrlr", "UnknownVariable", "300"), CancellationToken.None);

        Assert.Equal(SetVariableStatusEnumType.UnknownVariable, result.AttributeStatus);
    }

    [Fact]
    public async Task TC_B_37_not_supported_attribute_type()
    {
        var store = new FakeDeviceModelStore();

        var result = await Model(store).SetAsync(Set("OCPPCommCtrlr", "OfflineThreshold", "300", AttributeEnumType.Target), CancellationToken.None);

        Assert.Equal(SetVariableStatusEnumType.NotSupportedAttributeType, result.AttributeStatus);
        Assert.Equal(AttributeEnumType.Target, result.AttributeType);
        Assert.Empty(store.Values);
    }

    [Fact]
    public async Task TC_B_39_read_only_MessageTimeout_is_rejected()
    {
        var store = new FakeDeviceModelStore();
        var model = Model(store);

        var result = await model.SetAsync(Set("OCPPCommCtrlr", "MessageTimeout", "45", instance: "Default"), CancellationToken.None);

        Assert.Equal(SetVariableStatusEnumType.Rejected, result.AttributeStatus);
        Assert.Equal("ReadOnly", result.AttributeStatusInfo?.ReasonCode);
        Assert.Equal("Default", result.Variable.Instance);
        Assert.Empty(store.Values);
        Assert.Equal(TimeSpan.FromSeconds(30), model.OcppComm.MessageTimeout);
    }

    [Theory]
    [InlineData("OCPPCommCtrlr", "OfflineThreshold", "300.1")]
    [InlineData("OCPPCommCtrlr", "OfflineThreshold", "true")]
    [InlineData("OCPPCommCtrlr", "OfflineThreshold", "2026-03-01T12:00:00Z")]
    [InlineData("OCPPCommCtrlr", "OfflineThreshold", "abc")]
    [InlineData("AuthCtrlr", "AuthorizeRemoteStart", "300")]
    [InlineData("AuthCtrlr", "AuthorizeRemoteStart", "abc")]
    [InlineData("TxCtrlr", "TxStartPoint", "ParkingBayOccupancy")]
    [InlineData("TxCtrlr", "TxStartPoint", "Authorized,Authorized")]
    [InlineData("ClockCtrlr", "TimeSource", "Sundial")]
    public async Task TC_B_11_invalidly_formatted_values_are_rejected_with_InvalidValue(string component, string variable, string value)
    {
        var result = await Model().SetAsync(Set(component, variable, value), CancellationToken.None);

        Assert.Equal(SetVariableStatusEnumType.Rejected, result.AttributeStatus);
        Assert.Equal("InvalidValue", result.AttributeStatusInfo?.ReasonCode);
        Assert.False(string.IsNullOrEmpty(result.AttributeStatusInfo?.AdditionalInfo));
    }

    [Theory]
    [InlineData("OCPPCommCtrlr", "HeartbeatInterval", "0", "ValueTooLow")]
    [InlineData("OCPPCommCtrlr", "HeartbeatInterval", "86401", "ValueTooHigh")]
    [InlineData("SampledDataCtrlr", "TxUpdatedInterval", "9", "ValueTooLow")]
    [InlineData("OCPPCommCtrlr", "WebSocketPingInterval", "30", "ValueTooLow")]
    [InlineData("SecurityCtrlr", "BasicAuthPassword", "short", "ValueTooLow")]
    [InlineData("SecurityCtrlr", "BasicAuthPassword", "a1234567890123456789012345678901234567890", "ValueTooHigh")]
    [InlineData("SecurityCtrlr", "BasicAuthPassword", "sixteen chars!!!", "InvalidValue")]
    public async Task Values_outside_the_limits_are_rejected_and_say_why(string component, string variable, string value, string reasonCode)
    {
        var result = await Model().SetAsync(Set(component, variable, value), CancellationToken.None);

        Assert.Equal(SetVariableStatusEnumType.Rejected, result.AttributeStatus);
        Assert.Equal(reasonCode, result.AttributeStatusInfo?.ReasonCode);
    }

    [Fact]
    public async Task Member_lists_accept_allowed_members_in_any_case_and_store_the_catalogue_spelling()
    {
        var model = Model();

        var result = await model.SetAsync(Set("TxCtrlr", "TxStartPoint", "authorized, EVConnected"), CancellationToken.None);

        Assert.Equal(SetVariableStatusEnumType.Accepted, result.AttributeStatus);
        Assert.True(model.Tx.TxStartPoint.SetEquals(["Authorized", "EVConnected"]));
    }

    [Fact]
    public async Task NetworkConfigurationPriority_answers_RebootRequired_and_is_still_stored()
    {
        var store = new FakeDeviceModelStore();

        var result = await Model(store).SetAsync(Set("OCPPCommCtrlr", "NetworkConfigurationPriority", "1,0"), CancellationToken.None);

        Assert.Equal(SetVariableStatusEnumType.RebootRequired, result.AttributeStatus);
        Assert.Equal("1,0", store.Values["OCPPCommCtrlr/NetworkConfigurationPriority/Actual"]);
    }

    [Fact]
    public async Task A_successful_set_is_reported_to_listeners()
    {
        var model = Model();
        var changes = new List<VariableChange>();
        model.Changed += changes.Add;

        await model.SetAsync(Set("OCPPCommCtrlr", "HeartbeatInterval", "120"), CancellationToken.None);
        await model.SetAsync(Set("OCPPCommCtrlr", "HeartbeatInterval", "0"), CancellationToken.None);

        var change = Assert.Single(changes);
        Assert.Equal("HeartbeatInterval", change.Variable.Name);
        Assert.Equal("120", change.Value);
        Assert.True(change.ByCsms);
        Assert.Equal(TimeSpan.FromSeconds(120), model.OcppComm.HeartbeatInterval);
    }

    [Fact]
    public async Task Set_values_survive_a_rebuild_from_the_store()
    {
        var store = new FakeDeviceModelStore();
        await Model(store).SetAsync(Set("ocppcommctrlr", "HEARTBEATINTERVAL", "77"), CancellationToken.None);
        await Model(store).SetAsync(Set("AuthCtrlr", "LocalPreAuthorize", "TRUE"), CancellationToken.None);

        var rebuilt = Model(store);
        Assert.Equal(TimeSpan.FromSeconds(300), rebuilt.OcppComm.HeartbeatInterval);
        var skipped = await rebuilt.LoadAsync(CancellationToken.None);

        Assert.Equal(0, skipped);
        Assert.Equal(TimeSpan.FromSeconds(77), rebuilt.OcppComm.HeartbeatInterval);
        Assert.True(rebuilt.Auth.LocalPreAuthorize);
    }

    [Fact]
    public async Task Persisted_values_that_no_longer_fit_are_skipped_at_load()
    {
        var store = new FakeDeviceModelStore();
        store.Values["OCPPCommCtrlr/HeartbeatInterval/Actual"] = "-5";
        store.Values["OCPPCommCtrlr/Vanished/Actual"] = "1";
        var model = Model(store);

        var skipped = await model.LoadAsync(CancellationToken.None);

        Assert.Equal(2, skipped);
        Assert.Equal(TimeSpan.FromSeconds(300), model.OcppComm.HeartbeatInterval);
    }

    [Fact]
    public async Task More_items_than_ItemsPerMessageSetVariables_answers_OccurrenceConstraintViolation_and_sets_nothing()
    {
        var store = new FakeDeviceModelStore();
        var data = Enumerable.Repeat(Set("OCPPCommCtrlr", "OfflineThreshold", "100"), 31).ToArray();

        var outcome = await Model(store).SetVariablesAsync(new SetVariablesRequest { SetVariableData = data }, 1000, CancellationToken.None);

        Assert.Equal(OcppErrorCode.OccurrenceConstraintViolation, outcome.ErrorCode);
        Assert.Empty(store.Values);
    }

    [Fact]
    public async Task TC_B_10_multiple_values_in_one_request()
    {
        var outcome = await Model().SetVariablesAsync(
            new SetVariablesRequest { SetVariableData = [Set("OCPPCommCtrlr", "OfflineThreshold", "300"), Set("AuthCtrlr", "LocalAuthorizeOffline", "true")] },
            200,
            CancellationToken.None);

        Assert.NotNull(outcome.Response);
        Assert.All(outcome.Response.SetVariableResult, r => Assert.Equal(SetVariableStatusEnumType.Accepted, r.AttributeStatus));
    }

    [Fact]
    public void Station_owned_values_bypass_mutability_but_not_characteristics()
    {
        var model = Model();
        var evse = ComponentKey.Evse(1);

        Assert.Null(model.UpdateActual(evse, new VariableKey("AvailabilityState"), "Occupied"));
        Assert.NotNull(model.UpdateActual(evse, new VariableKey("AvailabilityState"), "Sleeping"));
        Assert.Equal("Occupied", model.Get(Get("EVSE", "AvailabilityState", evseId: 1)).AttributeValue);
    }
}
