namespace Chargebox.Station.DeviceModel;

/// <summary>Identifies a component: name, optional instance, and for EVSE and connector parts the EVSE id
/// and connector id. Names and instances compare case-insensitively, as OCPP requires for device-model
/// identifiers (Part 1, device model).</summary>
internal readonly record struct ComponentKey(string Name, string? Instance = null, int? EvseId = null, int? ConnectorId = null)
{
    public bool Equals(ComponentKey other) =>
        string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Instance, other.Instance, StringComparison.OrdinalIgnoreCase)
        && EvseId == other.EvseId
        && ConnectorId == other.ConnectorId;

    public override int GetHashCode() => HashCode.Combine(
        StringComparer.OrdinalIgnoreCase.GetHashCode(Name),
        Instance is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Instance),
        EvseId,
        ConnectorId);

    public static ComponentKey Evse(int evseId) => new("EVSE", null, evseId);

    public static ComponentKey Connector(int evseId, int connectorId) => new("Connector", null, evseId, connectorId);

    /// <summary>The persistence form, e.g. <c>OCPPCommCtrlr</c>, <c>EVSE@1</c>, <c>Connector@1.2</c>,
    /// <c>Name[instance]</c>.</summary>
    public override string ToString()
    {
        var text = Instance is null ? Name : $"{Name}[{Instance}]";
        if (EvseId is { } evse)
        {
            text += ConnectorId is { } connector ? $"@{evse}.{connector}" : $"@{evse}";
        }

        return text;
    }
}

/// <summary>Identifies a variable within its component: name and optional instance, compared
/// case-insensitively.</summary>
internal readonly record struct VariableKey(string Name, string? Instance = null)
{
    public bool Equals(VariableKey other) =>
        string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Instance, other.Instance, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(
        StringComparer.OrdinalIgnoreCase.GetHashCode(Name),
        Instance is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Instance));

    public override string ToString() => Instance is null ? Name : $"{Name}[{Instance}]";
}
