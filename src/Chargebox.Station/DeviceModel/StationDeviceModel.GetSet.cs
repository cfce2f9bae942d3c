using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel;

internal sealed partial class StationDeviceModel
{
    /// <summary>Answers one GetVariableData (B06). An absent attributeType means Actual. The value is
    /// included only when Accepted; a WriteOnly attribute (BasicAuthPassword) is never readable.</summary>
    public GetVariableResultType Get(GetVariableDataType request)
    {
        var type = request.AttributeType ?? AttributeEnumType.Actual;
        var (component, variable, attribute) = Resolve(request.Component, request.Variable, type);
        GetVariableStatusEnumType status;
        StatusInfoType? info = null;
        string? value = null;
        if (component is null)
        {
            status = GetVariableStatusEnumType.UnknownComponent; // B06.FR.06 (TC_B_32)
            info = NotFound("component");
        }
        else if (variable is null)
        {
            status = GetVariableStatusEnumType.UnknownVariable; // B06.FR.07 (TC_B_33)
            info = NotFound("variable");
        }
        else if (attribute is null)
        {
            status = GetVariableStatusEnumType.NotSupportedAttributeType; // B06.FR.08 (TC_B_34)
            info = Unsupported(type);
        }
        else if (!attribute.IsReadable)
        {
            status = GetVariableStatusEnumType.Rejected; // errata 2025-02: WriteOnly answers Rejected, no value
            info = WriteOnly();
        }
        else
        {
            status = GetVariableStatusEnumType.Accepted;
            value = ReadValue(variable, attribute);
        }

        return new GetVariableResultType
        {
            AttributeStatus = status,
            AttributeStatusInfo = info,
            AttributeType = type,
            AttributeValue = value,
            Component = request.Component,
            Variable = request.Variable,
        };
    }

    /// <summary>Decides one SetVariableData (B05) without changing anything: the result to answer and,
    /// when Accepted or RebootRequired, the value to persist and apply with <see cref="Apply"/>.</summary>
    public SetVariableDecision Decide(SetVariableDataType request)
    {
        var type = request.AttributeType ?? AttributeEnumType.Actual;
        var component = FindComponent(Key(request.Component));
        var variable = component?.Find(Key(request.Variable));
        var attribute = variable?.Attribute(type);
        if (component is null || variable is null || attribute is null)
        {
            var status = component is null ? SetVariableStatusEnumType.UnknownComponent
                : variable is null ? SetVariableStatusEnumType.UnknownVariable
                : SetVariableStatusEnumType.NotSupportedAttributeType;
            var info = component is null ? NotFound("component") : variable is null ? NotFound("variable") : Unsupported(type);
            return new SetVariableDecision(Result(request, type, status, info), null);
        }

        if (!attribute.IsWritable)
        {
            // B05.FR.09 (TC_B_39): a ReadOnly attribute is Rejected.
            return Rejected(request, type, new ValueRejection("ReadOnly", $"{component.Key}.{variable.Key} is read-only"));
        }

        if (int.TryParse(ReadActual(new ComponentKey("DeviceDataCtrlr"), new VariableKey("ConfigurationValueSize")), out var maxSize)
            && request.AttributeValue.Length > maxSize)
        {
            return Rejected(request, type, new ValueRejection("TooLargeElement", $"the value is longer than ConfigurationValueSize {maxSize}"));
        }

        // B05.FR.07 (TC_B_11): a value that does not fit the characteristics is Rejected.
        if (ValueCheck.Check(variable.Characteristics, request.AttributeValue, out var normalized) is { } rejection)
        {
            return Rejected(request, type, rejection);
        }

        foreach (var rule in ValueRules)
        {
            if (rule(component.Key, variable.Key, normalized) is { } refused)
            {
                return Rejected(request, type, refused);
            }
        }

        var accepted = variable.RebootRequired ? SetVariableStatusEnumType.RebootRequired : SetVariableStatusEnumType.Accepted;
        var change = new PendingChange(component.Key, variable.Key, attribute, normalized, attribute.Persistent);
        return new SetVariableDecision(Result(request, type, accepted, null), change);
    }

    /// <summary>Decides, persists (when the attribute is persistent) and applies one SetVariableData,
    /// then reports the change to <see cref="Changed"/>. A storage failure propagates: nothing is applied.</summary>
    public async ValueTask<SetVariableResultType> SetAsync(SetVariableDataType request, CancellationToken cancellationToken)
    {
        var decision = Decide(request);
        if (decision.Change is { } change)
        {
            if (change.Persist)
            {
                await _store.SaveAsync(PersistenceKey(change.Component, change.Variable, change.Attribute.Type), change.Value, cancellationToken).ConfigureAwait(false);
            }

            Apply(change);
        }

        return decision.Result;
    }

    /// <summary>Applies a decided change in memory and reports it. For callers that persist themselves.</summary>
    public void Apply(PendingChange change)
    {
        change.Attribute.Value = change.Value;
        Changed?.Invoke(new VariableChange(change.Component, change.Variable, change.Attribute.Type, change.Value, ByCsms: true));
    }

    private (Component?, Variable?, VariableAttribute?) Resolve(ComponentType component, VariableType variable, AttributeEnumType type)
    {
        var c = FindComponent(Key(component));
        var v = c?.Find(Key(variable));
        return (c, v, v?.Attribute(type));
    }

    internal static ComponentKey Key(ComponentType component) =>
        new(component.Name, component.Instance, component.Evse?.Id, component.Evse?.ConnectorId);

    internal static VariableKey Key(VariableType variable) => new(variable.Name, variable.Instance);

    private static SetVariableDecision Rejected(SetVariableDataType request, AttributeEnumType type, ValueRejection why) =>
        new(Result(request, type, SetVariableStatusEnumType.Rejected, why.ToStatusInfo()), null);

    private static SetVariableResultType Result(SetVariableDataType request, AttributeEnumType type, SetVariableStatusEnumType status, StatusInfoType? info) => new()
    {
        AttributeStatus = status,
        AttributeStatusInfo = info,
        AttributeType = type,
        Component = request.Component,
        Variable = request.Variable,
    };

    private static StatusInfoType NotFound(string what) => new() { ReasonCode = "NotFound", AdditionalInfo = $"no such {what} in the device model" };

    private static StatusInfoType Unsupported(AttributeEnumType type) =>
        new() { ReasonCode = "UnsupportedParam", AdditionalInfo = $"attribute {type.ToWireString()} is not supported by this variable" };

    private static StatusInfoType WriteOnly() => new() { ReasonCode = "WriteOnly", AdditionalInfo = "the attribute is write-only" };
}

/// <summary>A value SetVariables decided to accept, not yet persisted or applied.</summary>
internal sealed record PendingChange(ComponentKey Component, VariableKey Variable, VariableAttribute Attribute, string Value, bool Persist);

/// <summary>The answer to one SetVariableData and the change it makes, if any.</summary>
internal sealed record SetVariableDecision(SetVariableResultType Result, PendingChange? Change);
