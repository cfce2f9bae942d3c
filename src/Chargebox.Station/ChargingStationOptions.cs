using System.Security.Cryptography.X509Certificates;
using System.Collections.Frozen;
using Chargebox.Protocol.Messages;
using Chargebox.Station.DataTransfer;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Chargebox.Transport.FileTransfer;
using Chargebox.Transport.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chargebox.Station;

/// <summary>How to build and connect one charging station. A record so that a host can restart a station
/// with the same options and another boot reason (<c>options with { BootReason = ... }</c>).</summary>
public sealed record ChargingStationOptions
{
    /// <summary>The Charging Station identity: the last segment of the connection URL and the Basic user name.</summary>
    public required string Identity { get; init; }

    /// <summary>The CSMS's OCPP endpoint (ws:// or wss://) without the identity.</summary>
    public required Uri CsmsUrl { get; init; }

    public OcppSecurityProfile SecurityProfile { get; init; } = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication;

    /// <summary>The password for profiles 1 and 2 until the CSMS sets SecurityCtrlr.BasicAuthPassword.</summary>
    public string? BasicAuthPassword { get; init; }

    /// <summary>Trust anchors for the CSMS's server certificate (profiles 2 and 3).</summary>
    public X509Certificate2Collection CsmsRootCertificates { get; init; } = [];

    /// <summary>Manufacturer roots the station ships with, to check firmware signing certificates (L01) until
    /// the CSMS installs others.</summary>
    public X509Certificate2Collection ManufacturerRootCertificates { get; init; } = [];

    /// <summary>The station's client certificate with its key (profile 3).</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Layout, identity and device-model values; the reference station by default.</summary>
    public StationProfile Profile { get; init; } = StationProfile.Reference;

    /// <summary>Why the station is starting; sent in BootNotification.</summary>
    public BootReasonEnumType BootReason { get; init; } = BootReasonEnumType.PowerUp;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Randomness for the reconnection back-off; seeded in tests.</summary>
    public Random Random { get; init; } = Random.Shared;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Downloads firmware and uploads logs; HTTP and HTTPS through HttpClient by default.</summary>
    public IFileTransfer? FileTransfer { get; init; }

    /// <summary>Opens connections to the CSMS; a WebSocket connector by default.</summary>
    public ICsmsConnector? Connector { get; init; }

    /// <summary>Vendor-specific DataTransfer from the CSMS (P01), by vendorId (compared case-insensitively):
    /// the station hands a request to the handler of its vendorId and answers UnknownVendorId when there is
    /// none. Empty by default. To send DataTransfer to the CSMS, use
    /// <see cref="ChargingStation.SendDataTransferAsync"/>.</summary>
    public IReadOnlyDictionary<string, IDataTransferHandler> DataTransferHandlers { get; init; } = FrozenDictionary<string, IDataTransferHandler>.Empty;

    /// <summary>How many characters of its own log lines (and, at Debug, OCPP frames) the station keeps in memory
    /// for GetLog DiagnosticsLog (N01), newest first; 32 K by default. 0 turns the diagnostics log off: nothing
    /// is formatted or kept, and GetLog DiagnosticsLog is Rejected (N01.FR.05).</summary>
    public int DiagnosticsLogCapacity { get; init; } = Diagnostics.DiagnosticsLog.DefaultBudget;
}
