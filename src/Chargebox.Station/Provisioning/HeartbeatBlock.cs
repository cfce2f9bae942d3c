using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.Provisioning;

/// <summary>Heartbeat (G02): sent every HeartbeatInterval while the station is accepted and online; its
/// currentTime sets the station's clock when ClockCtrlr.TimeSource includes Heartbeat.</summary>
internal sealed class HeartbeatBlock : IDisposable
{
    private readonly StationServices _services;
    private readonly StationTimer _timer;

    public HeartbeatBlock(StationServices services)
    {
        _services = services;
        _timer = new StationTimer(services.Inbox, services.Clock.Inner, OnTick);
    }

    /// <summary>(Re)starts the heartbeat with the configured HeartbeatInterval; a zero interval turns it off.</summary>
    public void Restart()
    {
        var interval = _services.DeviceModel.OcppComm.HeartbeatInterval;
        if (interval <= TimeSpan.Zero)
        {
            _timer.Stop();
            return;
        }

        _timer.Start(interval, interval);
    }

    public void Stop() => _timer.Stop();

    /// <summary>Sends one Heartbeat now (TriggerMessage, F06).</summary>
    public void SendNow()
    {
        _services.Link.Send(new HeartbeatRequest(), (response, _) =>
        {
            ClockSync.Apply(_services, response.CurrentTime);
            return ValueTask.CompletedTask;
        });
    }

    public void Dispose() => _timer.Dispose();

    private ValueTask OnTick(CancellationToken cancellationToken)
    {
        if (_services.CanSendToCsms)
        {
            SendNow();
        }

        return ValueTask.CompletedTask;
    }
}
