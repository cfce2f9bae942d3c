using System.Text;
using System.Text.Json;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;
using static Chargebox.Transport.Tests.WebSockets.TestStations;

namespace Chargebox.Transport.Tests.WebSockets;

public sealed class TestCsmsTypedHelperTests
{
    [Fact]
    public async Task Typed_expect_and_reply_use_the_generated_messages()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;
        station.DisableAutoReply("BootNotification");

        await channel.SendAsync(Encoding.UTF8.GetBytes("""[2,"b1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"M1","vendorName":"V1"}}]"""), CancellationToken.None);
        var call = await station.ExpectCallAsync<BootNotificationRequest>(Patience);
        var (messageId, boot) = call;
        Assert.Equal("b1", messageId);
        Assert.Equal(BootReasonEnumType.PowerUp, boot.Reason);
        Assert.Equal("M1", boot.ChargingStation.Model);

        await station.ReplyAsync(call, new BootNotificationResponse
        {
            CurrentTime = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Interval = 60,
            Status = RegistrationStatusEnumType.Pending,
        });
        var reply = await channel.ReceiveAsync(CancellationToken.None);

        using var json = JsonDocument.Parse(reply.Frame);
        Assert.Equal("b1", json.RootElement[1].GetString());
        Assert.Equal("Pending", json.RootElement[2].GetProperty("status").GetString());
        Assert.Equal(60, json.RootElement[2].GetProperty("interval").GetInt32());
    }

    [Fact]
    public async Task Typed_call_reads_the_station_answer_into_the_response_type()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        var pending = station.CallAsync(new GetVariablesRequest
        {
            GetVariableData = [new GetVariableDataType { Component = new ComponentType { Name = "OCPPCommCtrlr" }, Variable = new VariableType { Name = "HeartbeatInterval" } }],
        }, Patience);
        var received = await channel.ReceiveAsync(CancellationToken.None);
        using (var json = JsonDocument.Parse(received.Frame))
        {
            Assert.Equal("GetVariables", json.RootElement[2].GetString());
            Assert.Equal("OCPPCommCtrlr", json.RootElement[3].GetProperty("getVariableData")[0].GetProperty("component").GetProperty("name").GetString());
        }

        await channel.SendAsync(Encoding.UTF8.GetBytes("""[3,"csms-1",{"getVariableResult":[{"attributeStatus":"Accepted","attributeValue":"300","component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}]"""), CancellationToken.None);

        var response = await pending;
        Assert.Equal("300", Assert.Single(response.GetVariableResult).AttributeValue);
    }

    [Fact]
    public async Task A_waiting_script_takes_a_call_before_the_auto_reply()
    {
        await using var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using var _ = channel;

        var expecting = station.ExpectCallAsync("Heartbeat", Patience);
        await channel.SendAsync(Encoding.UTF8.GetBytes("""[2,"h1","Heartbeat",{}]"""), CancellationToken.None);
        var heartbeat = await expecting;
        await station.ReplyErrorAsync(heartbeat, "InternalError", "scripted failure");

        var reply = await channel.ReceiveAsync(CancellationToken.None);
        Assert.Equal("""[4,"h1","InternalError","scripted failure",{}]""", Encoding.UTF8.GetString(reply.Frame.Span));
        Assert.Equal(2, station.Frames.Count);
    }
}
