using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;

namespace Chargebox.Conformance.Tests.Provisioning;

/// <summary>B05 and B06: Get Variables and Set Variables (Part 6, TC_B_06 to TC_B_11, TC_B_32 to TC_B_39).</summary>
public sealed class VariablesTests
{
    [Fact]
    public async Task TC_B_06_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("OCPPCommCtrlr", "OfflineThreshold", "300");

        // 1-2. GetVariables OfflineThreshold, Actual.
        var result = await sut.GetVariableAsync("OCPPCommCtrlr", "OfflineThreshold", AttributeEnumType.Actual);

        AssertAccepted(result, "OCPPCommCtrlr", "OfflineThreshold", "300");
    }

    [Fact]
    public async Task TC_B_07_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        await sut.ConfigureAsync("OCPPCommCtrlr", "OfflineThreshold", "300");
        await sut.ConfigureAsync("AuthCtrlr", "LocalAuthorizeOffline", "true");

        // 1. GetVariables for two variables, Actual.
        var response = await sut.Connection.CallAsync(
            new GetVariablesRequest
            {
                GetVariableData =
                [
                    new GetVariableDataType { Component = new ComponentType { Name = "OCPPCommCtrlr" }, Variable = new VariableType { Name = "OfflineThreshold" }, AttributeType = AttributeEnumType.Actual },
                    new GetVariableDataType { Component = new ComponentType { Name = "AuthCtrlr" }, Variable = new VariableType { Name = "LocalAuthorizeOffline" }, AttributeType = AttributeEnumType.Actual },
                ],
            },
            StationUnderTest.Timeout);

        // 2. Both Accepted, in arbitrary order.
        Assert.Equal(2, response.GetVariableResult.Count);
        AssertAccepted(Assert.Single(response.GetVariableResult, r => r.Variable.Name == "OfflineThreshold"), "OCPPCommCtrlr", "OfflineThreshold", "300");
        AssertAccepted(Assert.Single(response.GetVariableResult, r => r.Variable.Name == "LocalAuthorizeOffline"), "AuthCtrlr", "LocalAuthorizeOffline", "true");
    }

    [Fact]
    public async Task TC_B_32_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var result = await sut.GetVariableAsync("UnknownComponent", "OfflineThreshold");

        Assert.Equal(GetVariableStatusEnumType.UnknownComponent, result.AttributeStatus);
        Assert.Equal(("UnknownComponent", "OfflineThreshold"), (result.Component.Name, result.Variable.Name));
    }

    [Fact]
    public async Task TC_B_33_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var result = await sut.GetVariableAsync("OCPPCommCtrlr", "UnknownVariable");

        Assert.Equal(GetVariableStatusEnumType.UnknownVariable, result.AttributeStatus);
        Assert.Equal(("OCPPCommCtrlr", "UnknownVariable"), (result.Component.Name, result.Variable.Name));
    }

    [Fact]
    public async Task TC_B_34_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var result = await sut.GetVariableAsync("OCPPCommCtrlr", "OfflineThreshold", AttributeEnumType.Target);

        Assert.Equal(GetVariableStatusEnumType.NotSupportedAttributeType, result.AttributeStatus);
        Assert.Equal(("OCPPCommCtrlr", "OfflineThreshold", AttributeEnumType.Target), (result.Component.Name, result.Variable.Name, result.AttributeType));
    }

    [Fact]
    public async Task TC_B_09_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var result = await sut.SetVariableAsync("OCPPCommCtrlr", "OfflineThreshold", "300", AttributeEnumType.Actual);

        AssertAccepted(result, "OCPPCommCtrlr", "OfflineThreshold");
    }

    [Fact]
    public async Task TC_B_10_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var response = await sut.Connection.CallAsync(
            new SetVariablesRequest
            {
                SetVariableData =
                [
                    new SetVariableDataType { Component = new ComponentType { Name = "OCPPCommCtrlr" }, Variable = new VariableType { Name = "OfflineThreshold" }, AttributeValue = "300", AttributeType = AttributeEnumType.Actual },
                    new SetVariableDataType { Component = new ComponentType { Name = "AuthCtrlr" }, Variable = new VariableType { Name = "LocalAuthorizeOffline" }, AttributeValue = "true", AttributeType = AttributeEnumType.Actual },
                ],
            },
            StationUnderTest.Timeout);

        Assert.Equal(2, response.SetVariableResult.Count);
        AssertAccepted(Assert.Single(response.SetVariableResult, r => r.Variable.Name == "OfflineThreshold"), "OCPPCommCtrlr", "OfflineThreshold");
        AssertAccepted(Assert.Single(response.SetVariableResult, r => r.Variable.Name == "LocalAuthorizeOffline"), "AuthCtrlr", "LocalAuthorizeOffline");
    }

    [Fact]
    public async Task TC_B_35_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var result = await sut.SetVariableAsync("UnknownComponent", "OfflineThreshold", "300");

        Assert.Equal(SetVariableStatusEnumType.UnknownComponent, result.AttributeStatus);
        Assert.Equal(("UnknownComponent", "OfflineThreshold"), (result.Component.Name, result.Variable.Name));
    }

    [Fact]
    public async Task TC_B_36_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var result = await sut.SetVariableAsync("OCPPCommCtrlr", "UnknownVariable", "300");

        Assert.Equal(SetVariableStatusEnumType.UnknownVariable, result.AttributeStatus);
        Assert.Equal(("OCPPCommCtrlr", "UnknownVariable"), (result.Component.Name, result.Variable.Name));
    }

    [Fact]
    public async Task TC_B_37_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        var result = await sut.SetVariableAsync("OCPPCommCtrlr", "OfflineThreshold", "300", AttributeEnumType.Target);

        Assert.Equal(SetVariableStatusEnumType.NotSupportedAttributeType, result.AttributeStatus);
        Assert.Equal(("OCPPCommCtrlr", "OfflineThreshold", AttributeEnumType.Target), (result.Component.Name, result.Variable.Name, result.AttributeType));
    }

    [Fact]
    public async Task TC_B_11_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();
        const int offlineThreshold = 300;
        var currentTime = sut.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var values = new[] { $"{offlineThreshold}", $"{offlineThreshold}.1", "true", currentTime, "abc" };

        foreach (var value in values)
        {
            // 1-2. OfflineThreshold is an integer: only the first value is supported.
            var threshold = await sut.SetVariableAsync("OCPPCommCtrlr", "OfflineThreshold", value);
            AssertSetOutcome(threshold, "OCPPCommCtrlr", "OfflineThreshold", supported: value == $"{offlineThreshold}");

            // 3-4 (SmartChargingCtrlr.LimitChangeSignificance) and 7-8 (ClockCtrlr.NextTimeOffsetTransitionDateTime)
            // are executed only when the station has the variable; the reference station has neither.

            // 5-6. AuthorizeRemoteStart is a ReadWrite boolean: only "true" is supported.
            var remoteStart = await sut.SetVariableAsync("AuthCtrlr", "AuthorizeRemoteStart", value);
            AssertSetOutcome(remoteStart, "AuthCtrlr", "AuthorizeRemoteStart", supported: value == "true");
        }

        Assert.Equal(GetVariableStatusEnumType.UnknownComponent, (await sut.GetVariableAsync("SmartChargingCtrlr", "LimitChangeSignificance")).AttributeStatus);
        Assert.Equal(GetVariableStatusEnumType.UnknownVariable, (await sut.GetVariableAsync("ClockCtrlr", "NextTimeOffsetTransitionDateTime")).AttributeStatus);
    }

    [Fact]
    public async Task TC_B_39_CS()
    {
        await using var sut = await StationUnderTest.StartBootedAsync();

        // 1. SetVariables MessageTimeout (instance Default), which is read-only.
        var result = await sut.SetVariableAsync("OCPPCommCtrlr", "MessageTimeout", "45", instance: "Default");

        // 2. Rejected (B05.FR.09), naming the variable with its instance.
        Assert.Equal(SetVariableStatusEnumType.Rejected, result.AttributeStatus);
        Assert.Equal(("OCPPCommCtrlr", "MessageTimeout", "Default"), (result.Component.Name, result.Variable.Name, result.Variable.Instance));
    }

    private static void AssertAccepted(GetVariableResultType result, string component, string variable, string value)
    {
        Assert.Equal(GetVariableStatusEnumType.Accepted, result.AttributeStatus);
        Assert.Equal(AttributeEnumType.Actual, result.AttributeType ?? AttributeEnumType.Actual);
        Assert.Equal(value, result.AttributeValue);
        Assert.Equal((component, variable), (result.Component.Name, result.Variable.Name));
        Assert.True(result.AttributeStatusInfo is null || result.AttributeStatusInfo.ReasonCode == "NoError");
    }

    private static void AssertAccepted(SetVariableResultType result, string component, string variable) =>
        AssertSetOutcome(result, component, variable, supported: true);

    private static void AssertSetOutcome(SetVariableResultType result, string component, string variable, bool supported)
    {
        Assert.Equal(supported ? SetVariableStatusEnumType.Accepted : SetVariableStatusEnumType.Rejected, result.AttributeStatus);
        Assert.Equal(AttributeEnumType.Actual, result.AttributeType ?? AttributeEnumType.Actual);
        Assert.Equal((component, variable), (result.Component.Name, result.Variable.Name));
        var expectedReason = supported ? "NoError" : "InvalidValue";
        Assert.True(result.AttributeStatusInfo is null || result.AttributeStatusInfo.ReasonCode == expectedReason, $"reasonCode {result.AttributeStatusInfo?.ReasonCode} for {variable}");
    }
}
