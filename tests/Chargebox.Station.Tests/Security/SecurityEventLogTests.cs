using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Hardware;
using Chargebox.Station.Profiles;
using Chargebox.Station.Runtime;
using Chargebox.Station.Security;
using Chargebox.Station.Tests.DeviceModel;
using Chargebox.Storage;
using Chargebox.Transport.FileTransfer;
using Chargebox.Transport.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Station.Tests.Security;

/// <summary>A04: every security event in the persisted log, critical ones queued for the CSMS while the
/// station cannot send (offline here), in the order raised and with the time they happened.</summary>
public sealed class SecurityEventLogTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStationStore _store = new();
    private readonly StationInbox _inbox = new("CS-SEC", NullLogger.Instance);
    private readonly CancellationTokenSource _stop = new();
    private readonly SecurityEventLog _log;
    private readonly SecurityEventNotifications _notifications;
    private readonly Task _running;

    public SecurityEventLogTests()
    {
        var services = new StationServices
        {
            StationId = "CS-SEC",
            Inbox = _inbox,
            Clock = new StationClock(_time),
            Link = new CsmsLink(_inbox, CancellationToken.None),
            Router = new CsmsCallRouter(_inbox),
            Hardware = new StationHardware { Evses = [], Power = new NoPower() },
            Store = _store,
            DeviceModel = DeviceModelFactory.Create(StationProfile.Reference, new FakeDeviceModelStore(), _time),
            LoggerFactory = NullLoggerFactory.Instance,
            SecurityEvents = new InMemorySecurityEvents(_time),
            SecurityLog = new InMemorySecurityEvents(_time),
            Certificates = new OptionsCertificates(new ChargingStationOptions { Identity = "CS-SEC", CsmsUrl = new Uri("ws://localhost/ocpp") }),
            FileTransfer = new CompositeFileTransfer([]),
        };
        _log = new SecurityEventLog("CS-SEC", _store.SecurityLog, _time, _inbox, NullLogger.Instance);
        _notifications = new SecurityEventNotifications(services);
        _log.Notifications = _notifications;
        _running = _inbox.RunAsync(_stop.Token);
    }

    [Fact]
    public async Task A04_every_event_is_logged_and_only_critical_ones_are_queued_for_the_csms_in_order()
    {
        _log.Raise(SecurityEventType.StartupOfTheDevice, "BootReason PowerUp");
        _time.Advance(TimeSpan.FromSeconds(5));
        _log.Raise(SecurityEventType.ReconfigurationOfSecurityParameters, "SecurityCtrlr.BasicAuthPassword set by the CSMS");
        _log.Raise(SecurityEventType.InvalidCsmsCertificate, new string('x', 300));
        await SettledAsync();

        var logged = await _log.ReadAsync(null, null, CancellationToken.None);
        var queued = await _store.MessageQueue.LoadAsync(CancellationToken.None);

        Assert.Equal(
            [SecurityEventType.StartupOfTheDevice, SecurityEventType.ReconfigurationOfSecurityParameters, SecurityEventType.InvalidCsmsCertificate],
            logged.Select(e => e.Type));
        Assert.Equal(255, logged[2].TechInfo!.Length);
        Assert.All(queued, q => Assert.Equal("SecurityEventNotification", q.Action));
        Assert.Equal([_time.GetUtcNow().AddSeconds(-5), _time.GetUtcNow()], queued.Select(q => q.QueuedAt));
        Assert.Equal(2, _notifications.Count);
    }

    [Fact]
    public async Task A04_notifications_queued_before_a_reboot_are_picked_up_again()
    {
        _log.Raise(SecurityEventType.TamperDetectionActivated);
        await SettledAsync();

        var services = new StationServices
        {
            StationId = "CS-SEC",
            Inbox = _inbox,
            Clock = new StationClock(_time),
            Link = new CsmsLink(_inbox, CancellationToken.None),
            Router = new CsmsCallRouter(_inbox),
            Hardware = new StationHardware { Evses = [], Power = new NoPower() },
            Store = _store,
            DeviceModel = DeviceModelFactory.Create(StationProfile.Reference, new FakeDeviceModelStore(), _time),
            LoggerFactory = NullLoggerFactory.Instance,
            SecurityEvents = _log,
            SecurityLog = _log,
            Certificates = new OptionsCertificates(new ChargingStationOptions { Identity = "CS-SEC", CsmsUrl = new Uri("ws://localhost/ocpp") }),
            FileTransfer = new CompositeFileTransfer([]),
        };
        var afterReboot = new SecurityEventNotifications(services);
        await afterReboot.LoadAsync(CancellationToken.None);

        Assert.Equal(1, afterReboot.Count);
    }

    [Theory]
    [InlineData(BootReasonEnumType.PowerUp, SecurityEventType.StartupOfTheDevice)]
    [InlineData(BootReasonEnumType.RemoteReset, SecurityEventType.ResetOrReboot)]
    [InlineData(BootReasonEnumType.Watchdog, SecurityEventType.ResetOrReboot)]
    public void A04_a_boot_is_a_startup_or_a_reset(BootReasonEnumType reason, string expected) =>
        Assert.Equal(expected, BootSecurityEvent.For(reason));

    [Theory]
    [InlineData(OcppConnectFailure.InvalidCsmsCertificate, SecurityEventType.InvalidCsmsCertificate)]
    [InlineData(OcppConnectFailure.InvalidTlsVersion, SecurityEventType.InvalidTlsVersion)]
    [InlineData(OcppConnectFailure.InvalidTlsCipherSuite, SecurityEventType.InvalidTlsCipherSuite)]
    [InlineData(OcppConnectFailure.Unreachable, null)]
    public void A00_connection_failures_that_are_security_events(OcppConnectFailure failure, string? expected) =>
        Assert.Equal(expected, ConnectFailureEvent.For(new OcppConnectException(failure, "test")));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _inbox.Complete();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        await _store.DisposeAsync();
    }

    private sealed class NoPower : IStationPower
    {
        public ValueTask RebootAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    // Work posted before this runs before it: the loop drains in order.
    private Task SettledAsync() => _inbox.InvokeAsync(_ => ValueTask.FromResult(true), CancellationToken.None);
}
