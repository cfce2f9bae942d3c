using System.Text;
using Chargebox.Testing.Csms;
using static Chargebox.Transport.Tests.WebSockets.TestStations;

namespace Chargebox.Transport.Tests.WebSockets;

/// <summary>The test CSMS checks every message a station sends against the official schemas with an
/// independent validator, and fails the test at the end if one broke them.</summary>
public sealed class TestCsmsSchemaCheckTests
{
    [Fact]
    public async Task A_request_that_breaks_its_schema_is_recorded_and_fails_the_test()
    {
        var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using (channel)
        {
            await channel.SendAsync(Encoding.UTF8.GetBytes("""[2,"m1","Heartbeat",{"unexpected":true}]"""), CancellationToken.None);
            await channel.SendAsync(Encoding.UTF8.GetBytes("""[2,"m2","Heartbeat",{}]"""), CancellationToken.None);
            await station.ExpectFrameAsync(f => f.Text.Contains("\"m2\"", StringComparison.Ordinal), Patience);

            var violation = Assert.Single(station.SchemaViolations);
            Assert.StartsWith("HeartbeatRequest:", violation);
            Assert.Contains("unexpected", violation);
        }

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => csms.DisposeAsync().AsTask());
        Assert.Contains("break the official OCPP 2.0.1 schemas", failure.Message);
    }

    [Fact]
    public async Task A_response_is_checked_against_the_schema_of_the_CALL_it_answers()
    {
        var csms = await TestCsms.StartAsync();
        var (channel, station) = await ConnectProfile1Async(csms);
        await using (channel)
        {
            var call = station.CallAsync("Reset", new { type = "Immediate" }, Patience);
            var received = await channel.ReceiveAsync(CancellationToken.None);
            var messageId = System.Text.Json.JsonDocument.Parse(received.Frame).RootElement[1].GetString();
            await channel.SendAsync(Encoding.UTF8.GetBytes($$"""[3,"{{messageId}}",{"status":"Maybe"}]"""), CancellationToken.None);
            await call;

            Assert.Contains(station.SchemaViolations, v => v.StartsWith("ResetResponse:", StringComparison.Ordinal));
        }

        await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => csms.DisposeAsync().AsTask());
    }
}
