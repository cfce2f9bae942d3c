using System.Text.Json;
using Chargebox.Protocol;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>The authorization material of block C: the OCTT's configured tokens and groups, the memory state
/// IdTokenCached, and the checks that the station stays quiet.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>&lt;Configured GroupId&gt;: the group of the valid tokens.</summary>
    public static IdTokenType GroupIdToken { get; } = new() { IdToken = "GROUP-0001", Type = IdTokenEnumType.Central };

    /// <summary>&lt;Configured MasterPassGroupId&gt;.</summary>
    public const string MasterPassGroupId = "MASTERPASS";

    public static IdTokenType ValidIdToken2 { get; } = new() { IdToken = "04C0FFEE02", Type = IdTokenEnumType.ISO14443 };

    public static IdTokenType InvalidIdToken { get; } = new() { IdToken = "04BAD00001", Type = IdTokenEnumType.ISO14443 };

    public static IdTokenType BlockedIdToken { get; } = new() { IdToken = "04B10C0001", Type = IdTokenEnumType.ISO14443 };

    public static IdTokenType ExpiredIdToken { get; } = new() { IdToken = "04E0E00001", Type = IdTokenEnumType.ISO14443 };

    public static IdTokenType MasterPassIdToken { get; } = new() { IdToken = "04AA55AA01", Type = IdTokenEnumType.ISO14443 };

    public static IdTokenInfoType Info(AuthorizationStatusEnumType status, IdTokenType? group = null) => new() { Status = status, GroupIdToken = group };

    /// <summary>Takes the next AuthorizeRequest, checks it carries <paramref name="expected"/>, and answers it.</summary>
    public async Task ExpectAuthorizeAsync(IdTokenType expected, IdTokenInfoType answer)
    {
        var authorize = await Connection.ExpectCallAsync<AuthorizeRequest>(Timeout);
        Assert.Equal((expected.IdToken, expected.Type), (authorize.Request.IdToken.IdToken, authorize.Request.IdToken.Type));
        await Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = answer });
    }

    /// <summary>Takes the next TransactionEventRequest and answers it with <paramref name="answer"/> when it
    /// carries an idToken; StatusNotifications and Heartbeats on the way (after a reconnect) are acknowledged.</summary>
    public async Task<TransactionEventRequest> ExpectTransactionEventAsync(IdTokenInfoType answer)
    {
        while (true)
        {
            var call = await Connection.ExpectCallAsync((string?)null, Timeout);
            switch (call.Action)
            {
                case "StatusNotification":
                    await Connection.ReplyAsync(call, new StatusNotificationResponse());
                    continue;
                case "Heartbeat":
                    await Connection.ReplyAsync(call, new HeartbeatResponse { CurrentTime = Time.GetUtcNow() });
                    continue;
                case "SecurityEventNotification":
                    // E.g. StartupOfTheDevice after the reboot of TC_C_32: not a step of these cases.
                    await Connection.ReplyAsync(call, new SecurityEventNotificationResponse());
                    continue;
            }

            Assert.Equal("TransactionEvent", call.Action);
            var request = (TransactionEventRequest)call.Payload.Deserialize(OcppActions.ForRequestType(typeof(TransactionEventRequest)).RequestTypeInfo)!;
            await Connection.ReplyAsync(call, new TransactionEventResponse { IdTokenInfo = request.IdToken is null ? null : answer });
            return request;
        }
    }

    /// <summary>Memory state IdTokenCached: the token is shown at the idle station (no EV) and the CSMS
    /// answers <paramref name="answer"/>, which the station keeps in its Authorization Cache; an accepted token
    /// is shown once more so the station forgets the pending authorization.</summary>
    public async Task CacheIdTokenAsync(IdTokenType token, IdTokenInfoType answer)
    {
        var stored = await CacheBytesAsync();
        PresentCard(token);
        await ExpectAuthorizeAsync(token, answer);

        // The station takes the answer before the CSMS's next CALL, so the cache has grown (AuthCacheCtrlr.Storage).
        await WaitForCacheToGrowAsync(stored);

        if (answer.Status == AuthorizationStatusEnumType.Accepted)
        {
            // The same token again withdraws the pending authorization (no EV): nothing is sent.
            PresentCard(token);
            await CacheBytesAsync();
        }
    }

    /// <summary>Asserts that AuthCacheCtrlr.Storage exceeds <paramref name="stored"/> bytes. One question is
    /// enough: the station takes an answer before a CALL the CSMS sends after it.</summary>
    public async Task WaitForCacheToGrowAsync(int stored) =>
        Assert.True(await CacheBytesAsync() > stored, "the Authorization Cache did not take the answer");

    public async Task<int> CacheBytesAsync() =>
        int.Parse((await GetVariableAsync("AuthCacheCtrlr", "Storage")).AttributeValue ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"The OCTT waits to see that the station does not send X": a triggered Heartbeat round trip
    /// shows the station has sent everything it decided so far; none of it may be <paramref name="action"/>.</summary>
    public async Task AssertNotSentAsync(string action, int framesBefore)
    {
        var earlier = Connection.Frames.ToHashSet<object>(ReferenceEqualityComparer.Instance);
        var heartbeat = await Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.Heartbeat }, Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, heartbeat.Status);
        await Connection.ExpectFrameAsync(f => !earlier.Contains(f) && f.Text.Contains("\"Heartbeat\"", StringComparison.Ordinal), Timeout);
        Assert.DoesNotContain(Connection.Frames.Skip(framesBefore), f => f.Direction == FrameDirection.FromStation && f.Text.Contains($"\"{action}\"", StringComparison.Ordinal));
    }

    /// <summary>Whether the EVSE's contactor is closed (energy can flow).</summary>
    public bool EnergyFlows => Charger.GetStatus(EvseId).RelayClosed;

    /// <summary>The OCTT closes the WebSocket and refuses reconnects; returns once the station knows and armed
    /// its reconnection back-off of <paramref name="backOff"/>.</summary>
    public async Task GoOfflineAsync(TimeSpan backOff)
    {
        var armed = Time.NextTimer(backOff);
        Network.Refusing = true;
        await Connection.CloseAsync();
        await Connection.WaitForDisconnectAsync(Timeout);
        await armed.WaitAsync(Timeout);
    }

    /// <summary>The OCTT accepts the reconnection: the back-off passes and the station connects again.</summary>
    public async Task ComeBackOnlineAsync(TimeSpan backOff)
    {
        Network.Refusing = false;
        Time.Advance(backOff);
        await NextConnectionAsync();
    }

    /// <summary>Reusable states Authorized (local, Main A) and EnergyTransferStarted at the connected EV: the
    /// configured idToken, AuthorizeRequest answered Accepted, then Started charging. Returns the transactionId.</summary>
    public async Task<string> EnergyTransferStartedAfterAuthorizeAsync()
    {
        PresentCard();
        await ExpectAuthorizeAsync(ValidIdToken, Info(AuthorizationStatusEnumType.Accepted));
        var started = await ExpectTransactionEventAsync(Info(AuthorizationStatusEnumType.Accepted));
        Assert.Equal((TransactionEventEnumType.Started, TriggerReasonEnumType.Authorized), (started.EventType, started.TriggerReason));
        Assert.Equal((ValidIdToken.IdToken, ValidIdToken.Type), (started.IdToken?.IdToken, started.IdToken?.Type));
        Assert.True(EnergyFlows);
        return started.TransactionInfo.TransactionId;
    }
}
