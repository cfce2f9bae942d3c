using Chargebox.Protocol.Framing;
using Chargebox.Protocol.Validation;
using Chargebox.Transport.Rpc;

namespace Chargebox.Transport.Tests.Rpc;

public sealed class OutboundCallTests
{
    private static string Accepted(string messageId) => $$"""[3,"{{messageId}}",{"status":"Accepted"}]""";

    [Fact]
    public async Task Call_is_framed_and_its_result_deserialised()
    {
        await using var rpc = new RpcHarness();

        var call = rpc.PingAsync("hello");
        var frame = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[3,"{{frame.MessageId}}",{"status":"Rejected"}]""");

        Assert.Equal(OcppMessageType.Call, frame.Type);
        Assert.Equal("Ping", frame.Action);
        Assert.Equal("""{"note":"hello"}""", frame.Payload);
        Assert.Equal("Rejected", (await call).Status);
    }

    [Fact]
    public async Task Three_concurrent_calls_leave_one_at_a_time_in_order_4_1_1()
    {
        await using var rpc = new RpcHarness();
        var calls = new[] { rpc.PingAsync("1"), rpc.PingAsync("2"), rpc.PingAsync("3") };
        var seen = new List<string>();

        for (int i = 1; i <= 3; i++)
        {
            var frame = await rpc.Csms.ReceiveAsync();
            seen.Add(frame.Payload);

            // The next CALL must not be on the wire while this one is unanswered.
            Assert.Equal(0, rpc.Csms.Waiting);
            Assert.All(calls.Skip(i - 1), c => Assert.False(c.IsCompleted));
            await rpc.Csms.SendAsync(Accepted(frame.MessageId));
            await calls[i - 1];
        }

        Assert.Equal(["""{"note":"1"}""", """{"note":"2"}""", """{"note":"3"}"""], seen);
    }

    [Fact]
    public async Task Unanswered_call_times_out_frees_the_slot_and_its_late_answer_is_dropped()
    {
        await using var rpc = new RpcHarness(messageTimeout: TimeSpan.FromSeconds(30));
        var first = rpc.PingAsync("1");
        var second = rpc.PingAsync("2");
        var firstFrame = await rpc.Csms.ReceiveAsync();

        rpc.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(first.IsCompleted);
        Assert.Equal(0, rpc.Csms.Waiting);

        rpc.Time.Advance(TimeSpan.FromSeconds(1));
        var timeout = await Assert.ThrowsAsync<OcppCallTimeoutException>(() => first);
        Assert.Equal(firstFrame.MessageId, timeout.MessageId);
        Assert.Equal(TimeSpan.FromSeconds(30), timeout.Timeout);

        var secondFrame = await rpc.Csms.ReceiveAsync();
        Assert.Equal("""{"note":"2"}""", secondFrame.Payload);

        await rpc.Csms.SendAsync($$"""[3,"{{firstFrame.MessageId}}",{"status":"Accepted"}]""");
        await rpc.Csms.SendAsync($$"""[3,"{{secondFrame.MessageId}}",{"status":"Rejected"}]""");

        Assert.Equal("Rejected", (await second).Status);
        Assert.Equal(1, rpc.LoggedCount(1011));
        Assert.Equal(1, rpc.LoggedCount(1010));
    }

    [Fact]
    public async Task New_MessageTimeout_applies_from_the_next_call()
    {
        await using var rpc = new RpcHarness(messageTimeout: TimeSpan.FromSeconds(30));
        rpc.Options.MessageTimeout = TimeSpan.FromSeconds(5);
        var call = rpc.PingAsync("1");
        await rpc.Csms.ReceiveAsync();

        rpc.Time.Advance(TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<OcppCallTimeoutException>(() => call);
    }

    [Fact]
    public async Task CallError_answer_throws_with_code_description_and_details()
    {
        await using var rpc = new RpcHarness();

        var call = rpc.PingAsync("1");
        var frame = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[4,"{{frame.MessageId}}","SecurityError","Not accepted yet",{"reason":"Pending"}]""");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => call);
        Assert.Equal(OcppErrorCode.SecurityError, error.ErrorCode);
        Assert.Equal("SecurityError", error.WireErrorCode);
        Assert.Equal("Not accepted yet", error.ErrorDescription);
        Assert.Equal("""{"reason":"Pending"}""", error.ErrorDetails);
        Assert.Equal("Ping", error.Action);
    }

    [Fact]
    public async Task CallError_with_a_code_not_in_table_8_is_read_as_GenericError()
    {
        await using var rpc = new RpcHarness();

        var call = rpc.PingAsync("1");
        var frame = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[4,"{{frame.MessageId}}","Nope","",{}]""");

        var error = await Assert.ThrowsAsync<OcppCallErrorException>(() => call);
        Assert.Equal(OcppErrorCode.GenericError, error.ErrorCode);
        Assert.Equal("Nope", error.WireErrorCode);
    }

    [Fact]
    public async Task Result_that_breaks_the_response_schema_throws_with_the_validators_error()
    {
        await using var rpc = new RpcHarness();
        const string payload = """{"status":"Maybe"}""";
        var expected = PayloadValidator.Validate("""{"status":"Maybe"}"""u8, TestActions.Ping.ResponseSchema);

        var call = rpc.PingAsync("1");
        var frame = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[3,"{{frame.MessageId}}",{{payload}}]""");

        var error = await Assert.ThrowsAsync<OcppInvalidResponseException>(() => call);
        Assert.NotNull(expected);
        Assert.Equal(expected.Value.Code, error.Error.Code);
        Assert.Equal(expected.Value.Description, error.Error.Description);
    }

    [Fact]
    public async Task Broken_answer_frame_ends_the_call_without_waiting_for_the_timeout()
    {
        await using var rpc = new RpcHarness();

        var call = rpc.PingAsync("1");
        var frame = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync($$"""[3,"{{frame.MessageId}}"]""");

        var error = await Assert.ThrowsAsync<OcppInvalidResponseException>(() => call);
        Assert.Equal(OcppErrorCode.ProtocolError, error.Error.Code);
    }

    [Fact]
    public async Task Answer_with_an_unknown_id_is_logged_and_dropped()
    {
        await using var rpc = new RpcHarness();

        var call = rpc.PingAsync("1");
        var frame = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync("""[3,"not-ours",{"status":"Rejected"}]""");
        await rpc.Csms.SendAsync("""[4,"-1","GenericError","",{}]""");
        await rpc.Csms.SendAsync(Accepted(frame.MessageId));

        Assert.Equal("Accepted", (await call).Status);
        Assert.Equal(2, rpc.LoggedCount(1011));
        Assert.Equal(0, rpc.Csms.Waiting);
    }

    [Fact]
    public async Task Closed_connection_fails_the_outstanding_and_the_queued_calls()
    {
        var rpc = new RpcHarness();
        var outstanding = rpc.PingAsync("1");
        var queued = rpc.PingAsync("2");
        await rpc.Csms.ReceiveAsync();

        await rpc.DisposeAsync();

        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => outstanding);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => queued);
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => rpc.PingAsync("3"));
        Assert.True(rpc.Running.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Stopping_the_receive_loop_fails_the_outstanding_call_as_closed()
    {
        var (station, csmsEnd) = InMemoryOcppChannel.CreatePair();
        var csms = new TestCsms(csmsEnd);
        var connection = new OcppRpcConnection(station, null, new OcppRpcOptions(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(), null, TestActions.TryGet);
        using var stop = new CancellationTokenSource();
        var running = connection.RunAsync(stop.Token);
        var call = connection.CallAsync(new PingRequest(), CancellationToken.None);
        await csms.ReceiveAsync();

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(RpcHarness.Guard, TimeProvider.System));
        await Assert.ThrowsAsync<OcppConnectionClosedException>(() => call.WaitAsync(RpcHarness.Guard, TimeProvider.System));
    }

    [Fact]
    public async Task Call_cancelled_while_queued_is_never_sent()
    {
        await using var rpc = new RpcHarness();
        using var cancel = new CancellationTokenSource();
        var first = rpc.PingAsync("1");
        var cancelled = rpc.PingAsync("2", cancel.Token);
        var third = rpc.PingAsync("3");
        var firstFrame = await rpc.Csms.ReceiveAsync();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await rpc.Csms.SendAsync(Accepted(firstFrame.MessageId));
        var next = await rpc.Csms.ReceiveAsync();

        Assert.Equal("""{"note":"3"}""", next.Payload);
        await rpc.Csms.SendAsync(Accepted(next.MessageId));
        await Task.WhenAll(first, third);
    }

    [Fact]
    public async Task Message_ids_are_unique_and_at_most_36_characters_4_1_4()
    {
        await using var rpc = new RpcHarness();
        var ids = new HashSet<string>();

        for (int i = 0; i < 50; i++)
        {
            var call = rpc.PingAsync(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var frame = await rpc.Csms.ReceiveAsync();
            Assert.InRange(frame.MessageId.Length, 1, OcppFrameReader.MaxMessageIdLength);
            Assert.True(ids.Add(frame.MessageId), $"id {frame.MessageId} was used twice");
            await rpc.Csms.SendAsync(Accepted(frame.MessageId));
            await call;
        }
    }

    [Fact]
    public async Task Every_frame_is_logged_at_debug_with_station_id_and_message_id()
    {
        await using var rpc = new RpcHarness();

        var call = rpc.PingAsync("1");
        var frame = await rpc.Csms.ReceiveAsync();
        await rpc.Csms.SendAsync(Accepted(frame.MessageId));
        await call;

        var sent = Assert.Single(rpc.Logs.Entries, e => e.EventId == 1001);
        var received = Assert.Single(rpc.Logs.Entries, e => e.EventId == 1002);
        Assert.All([sent, received], e => Assert.Contains("CS-TEST", e.Message));
        Assert.All([sent, received], e => Assert.Contains(frame.MessageId, e.Message));
        Assert.Contains(rpc.Logs.Entries, e => e.Category == "Chargebox.Transport.Rpc.Frames" && e.Message.Contains(frame.Text));
    }
}
