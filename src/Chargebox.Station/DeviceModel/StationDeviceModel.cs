using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel.Accessors;
using Chargebox.Station.Storage;

namespace Chargebox.Station.DeviceModel;

/// <summary>The station's device model (Part 1, device model; use cases B05, B06): components, their
/// variables and attribute values. Lookups are pure and synchronous; a CSMS write is persisted through
/// <see cref="IDeviceModelStore"/> before it takes effect. Used only from the station's single logical
/// thread, so it has no locks. Build one with <see cref="DeviceModelFactory"/>.</summary>
internal sealed partial class StationDeviceModel
{
    private readonly Dictionary<ComponentKey, Component> _components = [];
    private readonly List<Component> _ordered = [];
    private readonly IDeviceModelStore _store;
    private readonly TimeProvider _time;
    private Variable? _clockDateTime;

    public StationDeviceModel(IDeviceModelStore store, TimeProvider time)
    {
        _store = store;
        _time = time;
        OcppComm = new OcppCommCtrlr(this);
        DeviceData = new DeviceDataCtrlr(this);
        Auth = new AuthCtrlr(this);
        AuthCache = new AuthCacheCtrlr(this);
        Tx = new TxCtrlr(this);
        SampledData = new SampledDataCtrlr(this);
        AlignedData = new AlignedDataCtrlr(this);
        Security = new SecurityCtrlr(this);
        Clock = new ClockCtrlr(this);
    }

    /// <summary>Raised after every successful change, by the CSMS or by the station.</summary>
    public event Action<VariableChange>? Changed;

    /// <summary>Checks that blocks add for CSMS writes whose validity depends on the station's state rather
    /// than on the characteristics (A05.FR.02: a priority naming a TLS profile without a CSMS root); the first
    /// rejection wins.</summary>
    public List<Func<ComponentKey, VariableKey, string, ValueRejection?>> ValueRules { get; } = [];

    public OcppCommCtrlr OcppComm { get; }

    public DeviceDataCtrlr DeviceData { get; }

    public AuthCtrlr Auth { get; }

    public AuthCacheCtrlr AuthCache { get; }

    public TxCtrlr Tx { get; }

    public SampledDataCtrlr SampledData { get; }

    public AlignedDataCtrlr AlignedData { get; }

    public SecurityCtrlr Security { get; }

    public ClockCtrlr Clock { get; }

    /// <summary>All components in build order (controllers, ChargingStation, then EVSEs and connectors).</summary>
    public IReadOnlyList<Component> Components => _ordered;

    public Component? FindComponent(ComponentKey key) => _components.GetValueOrDefault(key);

    public Variable? Find(ComponentKey component, VariableKey variable) => FindComponent(component)?.Find(variable);

    /// <summary>Adds a variable to a component, creating the component if needed.</summary>
    public void Add(ComponentKey key, Variable variable)
    {
        if (!_components.TryGetValue(key, out var component))
        {
            component = new Component(key);
            _components.Add(key, component);
            _ordered.Add(component);
        }

        component.Add(variable);
        if (key.Equals(new ComponentKey("ClockCtrlr")) && variable.Key.Equals(new VariableKey("DateTime")))
        {
            _clockDateTime = variable;
        }
    }

    /// <summary>The value of an attribute as the station reports it. ClockCtrlr.DateTime is the current
    /// time of the injected clock, not a stored value.</summary>
    public string? ReadValue(Variable variable, VariableAttribute attribute) =>
        ReferenceEquals(variable, _clockDateTime) && attribute.Type == AttributeEnumType.Actual
            ? OcppDateTime.Format(_time.GetUtcNow())
            : attribute.Value;

    /// <summary>The Actual value of a variable that must exist (used by the typed accessors; a missing
    /// catalogue entry is a bug).</summary>
    public string ReadActual(ComponentKey component, VariableKey variable)
    {
        var found = Find(component, variable) ?? throw new InvalidOperationException($"The device model has no {component}.{variable}.");
        var actual = found.Actual ?? throw new InvalidOperationException($"{component}.{variable} has no Actual attribute.");
        return ReadValue(found, actual) ?? "";
    }

    /// <summary>Sets a value the station itself owns (AvailabilityState, CertificateEntries, measured
    /// power...), bypassing mutability but not the characteristics. Not persisted: such values are
    /// re-derived at start. Returns the rejection when the value does not fit.</summary>
    public ValueRejection? UpdateActual(ComponentKey component, VariableKey variable, string value)
    {
        var attribute = Find(component, variable)?.Actual ?? throw new InvalidOperationException($"The device model has no {component}.{variable}.");
        var rejection = ValueCheck.Check(Find(component, variable)!.Characteristics, value, out var normalized);
        if (rejection is not null)
        {
            return rejection;
        }

        if (attribute.Value != normalized)
        {
            attribute.Value = normalized;
            Changed?.Invoke(new VariableChange(component, variable, AttributeEnumType.Actual, normalized, ByCsms: false));
        }

        return null;
    }

    /// <summary>The stable key under which an attribute value is persisted, e.g.
    /// <c>OCPPCommCtrlr/HeartbeatInterval/Actual</c>, <c>OCPPCommCtrlr/MessageTimeout[Default]/Actual</c>,
    /// <c>EVSE@1/Power/Actual</c>, <c>Connector@1.2/ConnectorType/Actual</c>. Built from the catalogue's
    /// spelling, never from a request's, so case differences in requests map to one key.</summary>
    public static string PersistenceKey(ComponentKey component, VariableKey variable, AttributeEnumType attribute) =>
        $"{component}/{variable}/{attribute.ToWireString()}";

    /// <summary>Applies the values persisted by earlier SetVariables over the profile's values
    /// (a value the CSMS set survives a reboot). Keys that no longer name a variable, or values that no
    /// longer fit its characteristics, are skipped and counted in the result.</summary>
    public async ValueTask<int> LoadAsync(CancellationToken cancellationToken)
    {
        var saved = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var byKey = new Dictionary<string, (Variable Variable, VariableAttribute Attribute)>(StringComparer.OrdinalIgnoreCase);
        foreach (var component in _ordered)
        {
            foreach (var variable in component.Variables)
            {
                foreach (var attribute in variable.Attributes)
                {
                    byKey[PersistenceKey(component.Key, variable.Key, attribute.Type)] = (variable, attribute);
                }
            }
        }

        var skipped = 0;
        foreach (var (key, value) in saved)
        {
            if (byKey.TryGetValue(key, out var target)
                && target.Attribute.Persistent
                && ValueCheck.Check(target.Variable.Characteristics, value, out var normalized) is null)
            {
                target.Attribute.Value = normalized;
            }
            else
            {
                skipped++;
            }
        }

        return skipped;
    }
}
