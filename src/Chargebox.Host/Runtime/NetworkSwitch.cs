using Chargebox.Station.Runtime;
using Chargebox.Transport;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Host.Runtime;

/// <summary>The station's network cable, for the control API: while offline the live connection is cut
/// without a closing handshake (the station and the CSMS see a dropped connection, as when a modem loses
/// its link) and every new connection attempt fails. Wraps the real connector.</summary>
internal sealed class NetworkSwitch : ICsmsConnector
{
    private readonly ICsmsConnector _inner;
    private readonly Lock _gate = new();
    private SwitchedChannel? _live;
    private bool _online = true;
    private bool _held;

    public NetworkSwitch(ICsmsConnector inner) => _inner = inner;

    public bool IsOnline
    {
        get
        {
            lock (_gate)
            {
                return _online;
            }
        }
    }

    public async Task<IOcppChannel> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken)
    {
        ThrowIfOffline();
        var inner = await _inner.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
        var channel = new SwitchedChannel(inner);
        bool cut;
        lock (_gate)
        {
            // The network may have gone away while the handshake ran.
            cut = !_online || _held;
            if (!cut)
            {
                _live = channel;
            }
        }

        if (cut)
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            ThrowIfOffline();
        }

        return channel;
    }

    /// <summary>Takes the network away (false) or gives it back (true).</summary>
    public async Task SetOnlineAsync(bool online)
    {
        SwitchedChannel? live;
        lock (_gate)
        {
            _online = online;
            live = online ? null : _live;
            if (!online)
            {
                _live = null;
            }
        }

        if (live is not null)
        {
            await live.CutAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Cuts the live connection without a closing handshake but leaves the network up: what a power
    /// cut looks like from the CSMS.</summary>
    public async Task CutLiveConnectionAsync()
    {
        SwitchedChannel? live;
        lock (_gate)
        {
            live = _live;
            _live = null;
        }

        if (live is not null)
        {
            await live.CutAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the live connection with a normal closure: an orderly shutdown or reboot.</summary>
    public async Task CloseLiveConnectionAsync(CancellationToken cancellationToken)
    {
        SwitchedChannel? live;
        lock (_gate)
        {
            live = _live;
            _live = null;
        }

        if (live is not null)
        {
            await live.CloseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>While a station is being restarted, the old one must not reconnect in its last moments.</summary>
    public void Hold(bool held)
    {
        lock (_gate)
        {
            _held = held;
        }
    }

    private void ThrowIfOffline()
    {
        lock (_gate)
        {
            if (!_online)
            {
                throw new OcppConnectException(OcppConnectFailure.Unreachable, "The network is offline (control API).");
            }

            if (_held)
            {
                throw new OcppConnectException(OcppConnectFailure.Unreachable, "The station is restarting.");
            }
        }
    }
}
