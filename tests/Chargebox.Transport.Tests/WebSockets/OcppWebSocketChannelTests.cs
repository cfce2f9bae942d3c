using System.Net.WebSockets;
using System.Text;
using Chargebox.Testing.Csms;
using Chargebox.Transport.WebSockets;
using static Chargebox.Transport.Tests.WebSockets.TestStations;

namespace Chargebox.Transport.Tests.WebSockets;

public sealed class OcppWebSocketChannelTests
{
    [Fact]
    public async Task Frames_travel_both_ways_and_the_CSMS_auto_replies_to_BootNotification()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        await channel.SendAsync(Encoding.UTF8.GetBytes("""[2,"m1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M","vendorName":"V"}}]"""), CancellationToken.None);
        var reply = await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.False(reply.IsClosed);
        Assert.StartsWith("""[3,"m1",{"currentTime":""", Encoding.UTF8.GetString(reply.Frame.Span));
        Assert.Contains("\"status\":\"Accepted\"", Encoding.UTF8.GetString(reply.Frame.Span));
        Assert.Equal([FrameDirection.FromStation, FrameDirection.ToStation], station.Frames.Select(f => f.Direction));
    }

    [Fact]
    public async Task Scripted_call_and_reply_reach_the_station()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        var pending = station.CallAsync("GetVariables", new { getVariableData = new[] { new { component = new { name = "X" }, variable = new { name = "Y" } } } }, Patience);
        var call = await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience);
        Assert.Equal("""[2,"csms-1","GetVariables",{"getVariableData":[{"component":{"name":"X"},"variable":{"name":"Y"}}]}]""", Encoding.UTF8.GetString(call.Frame.Span));
        // The answer must itself be schema-valid: the test CSMS checks everything the station end sends.
        const string result = """{"getVariableResult":[{"attributeStatus":"UnknownComponent","component":{"name":"X"},"variable":{"name":"Y"}}]}""";
        await channel.SendAsync(Encoding.UTF8.GetBytes($"""[3,"csms-1",{result}]"""), CancellationToken.None);

        var outcome = await pending;
        Assert.False(outcome.IsError);
        Assert.Equal("UnknownComponent", outcome.Payload.GetProperty("getVariableResult")[0].GetProperty("attributeStatus").GetString());
    }

    [Fact]
    public async Task A_200_KB_message_sent_in_fragments_arrives_whole()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;
        var large = $$"""[2,"big","DataTransfer",{"vendorId":"x","data":"{{new string('a', 200 * 1024)}}"}]""";

        await station.SendRawAsync(large, fragmentSize: 1000);
        var received = await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.Equal(large, Encoding.UTF8.GetString(received.Frame.Span));
    }

    [Fact]
    public async Task A_large_message_from_the_station_reaches_the_CSMS_whole()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;
        var data = new string('b', 300 * 1024);

        await channel.SendAsync(Encoding.UTF8.GetBytes($$"""[2,"m2","DataTransfer",{"vendorId":"x","data":"{{data}}"}]"""), CancellationToken.None);
        var call = await station.ExpectCallAsync("DataTransfer", Patience);

        Assert.Equal(data, call["data"]);
    }

    [Fact]
    public async Task Message_larger_than_MaxFrameSize_closes_with_1009()
    {
        await using var csms = await TestCsms.StartAsync();
        var options = new ConnectionOptions
        {
            CsmsUrl = csms.Url,
            StationIdentity = Identity,
            SecurityProfile = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication,
            BasicAuthPassword = Password,
            MaxFrameSize = 10_000,
        };
        await using var channel = await new OcppWebSocketConnector().ConnectAsync(options, CancellationToken.None);
        var station = await csms.WaitForConnectionAsync(Identity, Patience);

        await station.SendRawAsync(new string(' ', 20_000));
        var result = await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.True(result.IsClosed);
        Assert.Contains("10000", result.CloseReason);
        Assert.Equal(1009, (await station.WaitForDisconnectAsync(Patience)).CloseStatus);
    }

    [Fact]
    public async Task Binary_frame_closes_the_connection_with_1003()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        await station.SendBinaryAsync(new byte[] { 1, 2, 3 });
        var result = await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.True(result.IsClosed);
        Assert.Contains("binary", result.CloseReason);
        Assert.Equal((int)WebSocketCloseStatus.InvalidMessageType, (await station.WaitForDisconnectAsync(Patience)).CloseStatus);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => channel.SendAsync(new byte[] { 0x5b, 0x5d }, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Abort_by_the_CSMS_is_reported_as_closed()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        var receiving = channel.ReceiveAsync(CancellationToken.None).AsTask();
        await station.AbortAsync();
        var result = await receiving.WaitAsync(Patience);

        Assert.True(result.IsClosed);
        Assert.Contains("connection lost", result.CloseReason);
        Assert.True((await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience)).IsClosed, "a closed channel stays closed");
    }

    [Fact]
    public async Task Clean_close_by_the_CSMS_is_answered_and_reported_with_its_code()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        await station.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "going down");
        var result = await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.True(result.IsClosed);
        Assert.Contains("1001 going down", result.CloseReason);
        Assert.True((await station.WaitForDisconnectAsync(Patience)).WasClean);
    }

    [Fact]
    public async Task Close_by_the_station_completes_the_handshake()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        await channel.CloseAsync(CancellationToken.None);

        var disconnect = await station.WaitForDisconnectAsync(Patience);
        Assert.Equal((int)WebSocketCloseStatus.NormalClosure, disconnect.CloseStatus);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => channel.SendAsync(new byte[] { 0x5b, 0x5d }, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Close_by_the_station_while_a_receive_is_pending_ends_that_receive()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        var receiving = channel.ReceiveAsync(CancellationToken.None).AsTask();
        await channel.CloseAsync(CancellationToken.None);

        Assert.True((await receiving.WaitAsync(Patience)).IsClosed);
        Assert.True((await station.WaitForDisconnectAsync(Patience)).WasClean);
    }

    [Fact]
    public async Task Second_concurrent_receive_is_refused()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, _) = await ConnectProfile1Async(csms);
        await using var __ = channel;

        var first = channel.ReceiveAsync(CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => channel.ReceiveAsync(CancellationToken.None).AsTask());
        await channel.DisposeAsync();
        Assert.True((await first.AsTask().WaitAsync(Patience)).IsClosed);
    }

    [Fact]
    public async Task Send_while_a_receive_is_pending_works()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        var receiving = channel.ReceiveAsync(CancellationToken.None).AsTask();
        await channel.SendAsync(Encoding.UTF8.GetBytes("""[2,"h1","Heartbeat",{}]"""), CancellationToken.None);

        var reply = await receiving.WaitAsync(Patience);
        Assert.StartsWith("""[3,"h1",""", Encoding.UTF8.GetString(reply.Frame.Span));
    }

    [Fact]
    public async Task Unanswered_pings_are_detected_as_a_dead_CSMS()
    {
        // The one slow test (about 2 s): .NET counts ping and pong timeouts in whole wall-clock intervals.
        await using var csms = await TestCsms.StartAsync();
        var options = new ConnectionOptions
        {
            CsmsUrl = csms.Url,
            StationIdentity = Identity,
            SecurityProfile = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication,
            BasicAuthPassword = Password,
            WebSocketPingInterval = TimeSpan.FromSeconds(1),
            WebSocketPongTimeout = TimeSpan.FromSeconds(1),
        };
        await using var channel = await new OcppWebSocketConnector().ConnectAsync(options, CancellationToken.None);
        var station = await csms.WaitForConnectionAsync(Identity, Patience);

        station.SuspendReading();
        await channel.SendAsync(Encoding.UTF8.GetBytes("""[2,"h1","Heartbeat",{}]"""), CancellationToken.None);
        Assert.False((await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience)).IsClosed);
        var result = await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(Patience);

        Assert.True(result.IsClosed);
        Assert.Contains("connection lost", result.CloseReason);
    }
}
