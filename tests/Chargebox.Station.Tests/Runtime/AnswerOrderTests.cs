using Chargebox.Protocol.Messages;
using Chargebox.Station.Tests.Transactions;

namespace Chargebox.Station.Tests.Runtime;

/// <summary>The station's loop sees the effects of the CSMS's frames in the order they arrived: an answer to
/// one of our CALLs is taken before a CALL the CSMS sends right after it.</summary>
public sealed class AnswerOrderTests
{
    [Fact]
    public async Task GetTransactionStatus_right_after_the_TransactionEventResponse_finds_the_queue_empty()
    {
        await using var h = await StationHarness.StartAsync(("SampledDataCtrlr", "TxUpdatedInterval", "3600"));
        h.Charger.Plug(1);
        await h.AuthorizeCardAsync();
        var started = await h.Connection.ExpectCallAsync<TransactionEventRequest>(StationHarness.Wait);
        string transactionId = started.Request.TransactionInfo.TransactionId;
        await h.Connection.ReplyAsync(started, new TransactionEventResponse());

        // A race shows only now and then: many rounds, each answer followed at once by the question.
        for (int round = 0; round < 500; round++)
        {
            var trigger = await h.Connection.CallAsync(
                new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.TransactionEvent, Evse = new EVSEType { Id = 1 } },
                StationHarness.Wait);
            Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);
            var updated = await h.Connection.ExpectCallAsync<TransactionEventRequest>(StationHarness.Wait);
            Assert.Equal(TriggerReasonEnumType.Trigger, updated.Request.TriggerReason);

            await h.Connection.ReplyAsync(updated, new TransactionEventResponse());
            var status = await h.Connection.CallAsync(new GetTransactionStatusRequest { TransactionId = transactionId }, StationHarness.Wait);

            Assert.True(status.OngoingIndicator, $"round {round}: the transaction is ongoing");
            Assert.False(status.MessagesInQueue, $"round {round}: the answered TransactionEvent still counted as queued");
        }
    }

    [Fact]
    public async Task Request_right_after_the_AuthorizeResponse_finds_the_token_in_the_Authorization_Cache()
    {
        await using var h = await StationHarness.StartAsync(("AuthCacheCtrlr", "Enabled", "true"));
        var stored = await CacheBytesAsync(h);

        for (int round = 0; round < 100; round++)
        {
            // A token the station has not seen, rejected: no transaction becomes pending, and the cache keeps it.
            h.Charger.PresentToken(new IdTokenType { IdToken = $"CARD{round:D4}", Type = IdTokenEnumType.ISO14443 });
            var authorize = await h.Connection.ExpectCallAsync<AuthorizeRequest>(StationHarness.Wait);
            await h.Connection.ReplyAsync(authorize, new AuthorizeResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Blocked } });

            var now = await CacheBytesAsync(h);
            Assert.True(now > stored, $"round {round}: the Authorization Cache had not taken the answer yet");
            stored = now;
        }
    }

    private static async Task<int> CacheBytesAsync(StationHarness h)
    {
        var response = await h.Connection.CallAsync(
            new GetVariablesRequest { GetVariableData = [new GetVariableDataType { Component = new ComponentType { Name = "AuthCacheCtrlr" }, Variable = new VariableType { Name = "Storage" } }] },
            StationHarness.Wait);
        return int.Parse(response.GetVariableResult[0].AttributeValue ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }
}
