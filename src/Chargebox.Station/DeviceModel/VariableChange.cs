using Chargebox.Protocol.Messages;

namespace Chargebox.Station.DeviceModel;

/// <summary>Reported by <see cref="StationDeviceModel.Changed"/> after a value changed, so behaviour can react
/// (a new HeartbeatInterval restarts the heartbeat timer, a new BasicAuthPassword reconnects).
/// <c>ByCsms</c> is true when the change came from a SetVariablesRequest, false when the station set it.</summary>
internal sealed record VariableChange(ComponentKey Component, VariableKey Variable, AttributeEnumType Attribute, string Value, bool ByCsms);
