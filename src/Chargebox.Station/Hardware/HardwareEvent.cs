using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Hardware;

/// <summary>Something the charger's hardware reports to the station. Hardware (real or simulated) posts
/// these through <see cref="IHardwareEventSink"/>; the station handles them one at a time in its inbox.</summary>
public abstract record HardwareEvent;

/// <summary>The EV's cable was plugged into the connector (or, for a fixed cable, into the EV).</summary>
public sealed record CableConnected(int EvseId, int ConnectorId) : HardwareEvent;

/// <summary>The cable was unplugged on the EV side.</summary>
public sealed record CableDisconnected(int EvseId, int ConnectorId) : HardwareEvent;

/// <summary>A token was presented at the reader; <paramref name="EvseId"/> is the EVSE the driver selected
/// first, if the station has such a selection (AQ-8), else null.</summary>
public sealed record IdTokenPresented(IdTokenType IdToken, int? EvseId) : HardwareEvent;

/// <summary>The EV asks for power (true) or suspends (false, SuspendedEV) while plugged in.</summary>
public sealed record EvPowerDemandChanged(int EvseId, bool Demanding) : HardwareEvent;

/// <summary>A connector became faulted or recovered.</summary>
public sealed record ConnectorFaultChanged(int EvseId, int ConnectorId, bool Faulted) : HardwareEvent;

/// <summary>The enclosure's tamper detection sensor was triggered; <paramref name="Details"/> says which
/// sensor or what it saw (sent to the CSMS as techInfo).</summary>
public sealed record TamperDetected(string? Details) : HardwareEvent;

/// <summary>Where hardware posts its events. Never blocks; safe to call from any thread.</summary>
public interface IHardwareEventSink
{
    void Post(HardwareEvent hardwareEvent);
}
