using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Hardware;
using Chargebox.Station.Security;
using Chargebox.Station.Storage;
using Chargebox.Transport.FileTransfer;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Runtime;

/// <summary>What every functional block of one station shares: its loop, clock, connection, router,
/// hardware, storage and registration state. Used only on the station's loop.</summary>
internal sealed class StationServices
{
    public required string StationId { get; init; }

    public required StationInbox Inbox { get; init; }

    public required StationClock Clock { get; init; }

    public required CsmsLink Link { get; init; }

    public required CsmsCallRouter Router { get; init; }

    public required StationHardware Hardware { get; init; }

    public required IStationStore Store { get; init; }

    public required StationDeviceModel DeviceModel { get; init; }

    public required ILoggerFactory LoggerFactory { get; init; }

    /// <summary>Where blocks report security events (A04).</summary>
    public required ISecurityEvents SecurityEvents { get; set; }

    /// <summary>The security log the events are kept in (read by GetLog SecurityLog).</summary>
    public required ISecurityLog SecurityLog { get; set; }

    /// <summary>The certificates installed on the station (trust anchors, the station certificate).</summary>
    public required IInstalledCertificates Certificates { get; set; }

    /// <summary>Moves firmware images and log files (L01, N01).</summary>
    public required IFileTransfer FileTransfer { get; init; }

    /// <summary>The CSMS's last answer to BootNotification; null until it answered once since power-up.</summary>
    public RegistrationStatusEnumType? Registration { get; set; }

    /// <summary>Whether the station may send messages other than BootNotification now: online and
    /// accepted (B02.FR.xx: nothing else while Pending or Rejected, unless the CSMS asked for it).</summary>
    public bool CanSendToCsms => Link.IsOnline && Registration == RegistrationStatusEnumType.Accepted;
}
