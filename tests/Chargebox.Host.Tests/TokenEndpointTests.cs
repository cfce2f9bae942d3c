using System.Net;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Hardware;
using static Chargebox.Host.Tests.HostHarness;

namespace Chargebox.Host.Tests;

public sealed class TokenEndpointTests
{
    [Fact]
    public async Task Presenting_a_card_reaches_the_reader_as_the_given_token()
    {
        await using var host = await StartAsync();
        // The station does not act on cards before the transactions milestone, so what the reader reports
        // is checked directly.
        var reader = new RecordingSink();
        host.Station.Charger.AttachEventSink(reader);

        using var first = await host.PostAsync("api/tokens", """{ "idToken": "AABBCCDD", "type": "ISO14443", "evseId": 1 }""");
        using var second = await host.PostAsync("api/tokens", """{ "idToken": "11223344", "type": "eMAID" }""");
        using var third = await host.PostAsync("api/tokens", """{ "idToken": "55667788" }""");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, third.StatusCode);
        Assert.Collection(
            reader.Events.Cast<IdTokenPresented>(),
            e => Assert.Equal(("AABBCCDD", IdTokenEnumType.ISO14443, (int?)1), (e.IdToken.IdToken, e.IdToken.Type, e.EvseId)),
            e => Assert.Equal(("11223344", IdTokenEnumType.EMAID, (int?)null), (e.IdToken.IdToken, e.IdToken.Type, e.EvseId)),
            e => Assert.Equal(("55667788", IdTokenEnumType.ISO14443, (int?)null), (e.IdToken.IdToken, e.IdToken.Type, e.EvseId)));
    }

    [Fact]
    public async Task Presenting_a_card_refuses_bad_tokens_and_unknown_evses()
    {
        await using var host = await StartAsync();
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/tokens", """{ "type": "ISO14443" }"""), "'idToken'");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/tokens", """{ "idToken": "A", "type": "Magic" }"""), "unknown token type 'Magic'");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/tokens", $$"""{ "idToken": "{{new string('1', 37)}}" }"""), "at most 36");
        await AssertErrorAsync(HttpStatusCode.BadRequest, await host.PostAsync("api/tokens", "[]"), "not valid JSON");
        await AssertErrorAsync(HttpStatusCode.NotFound, await host.PostAsync("api/tokens", """{ "idToken": "A", "evseId": 9 }"""), "EVSE 9");
    }

    private sealed class RecordingSink : IHardwareEventSink
    {
        public List<HardwareEvent> Events { get; } = [];

        public void Post(HardwareEvent hardwareEvent) => Events.Add(hardwareEvent);
    }
}
