using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;

namespace Chargebox.Conformance.Tests.Transactions;

/// <summary>E13: a TransactionEvent the CSMS does not answer (MessageTimeout) or answers with a CALLERROR is sent
/// again after MessageAttemptIntervalTransactionEvent × the attempts so far, MessageAttemptsTransactionEvent times
/// in all (Part 6, TC_E_41, TC_E_50, TC_E_42, TC_E_51). The reference station's interval is 30 s (PICS) and its
/// MessageTimeout 30 s.</summary>
public sealed class RetryTests
{
    private const int Attempts = 3;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TC_E_41_CS()
    {
        await using var sut = await StartAsync();
        await FailThenAsync(sut, callError: false, answerAttempt: null);
    }

    [Fact]
    public async Task TC_E_50_CS()
    {
        await using var sut = await StartAsync();
        await FailThenAsync(sut, callError: true, answerAttempt: null);
    }

    [Fact]
    public async Task TC_E_42_CS()
    {
        await using var sut = await StartAsync();
        await FailThenAsync(sut, callError: false, answerAttempt: 2);
    }

    [Fact]
    public async Task TC_E_51_CS()
    {
        await using var sut = await StartAsync();
        await FailThenAsync(sut, callError: true, answerAttempt: 2);
    }

    /// <summary>Before: MessageAttemptsTransactionEvent 3, MessageAttemptIntervalTransactionEvent 30; states
    /// Authorized (local) and EVConnectedPreSession, whose Started event the tests then fail.</summary>
    private static async Task<StationUnderTest> StartAsync()
    {
        var sut = await StationUnderTest.StartBootedAsync();
        Assert.Equal(SetVariableStatusEnumType.Accepted, (await sut.SetVariableAsync("OCPPCommCtrlr", "MessageAttempts", $"{Attempts}", instance: "TransactionEvent")).AttributeStatus);
        Assert.Equal(SetVariableStatusEnumType.Accepted, (await sut.SetVariableAsync("OCPPCommCtrlr", "MessageAttemptInterval", $"{Interval.TotalSeconds}", instance: "TransactionEvent")).AttributeStatus);
        await sut.ConfigureAsync("SampledDataCtrlr", "TxUpdatedInterval", "3600");
        var armed = sut.EvConnectionTimerArmed();
        await sut.AuthorizeLocallyAsync();
        await armed;
        await sut.EvConnectedPreSessionAsync();
        return sut;
    }

    /// <summary>Step 5: the Started event fails each time (no answer, or CALLERROR InternalError) until
    /// <paramref name="answerAttempt"/> answers it (null: never); each resend comes after 30 s × the earlier
    /// sends (+ MessageTimeout without an answer). Then one more multiplied interval passes and the event is
    /// not sent again; the next event of the transaction goes out after it.</summary>
    private static async Task FailThenAsync(StationUnderTest sut, bool callError, int? answerAttempt)
    {
        var sentAt = new List<DateTimeOffset>();
        OcppCall<TransactionEventRequest>? first = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var call = await sut.Connection.ExpectCallAsync<TransactionEventRequest>(StationUnderTest.Timeout);
            sentAt.Add(sut.Time.GetUtcNow());
            first ??= call;
            Assert.Equal((first.Request.TransactionInfo.TransactionId, 0), (call.Request.TransactionInfo.TransactionId, call.Request.SeqNo));
            if (attempt == answerAttempt)
            {
                await sut.Connection.ReplyAsync(call, new TransactionEventResponse { IdTokenInfo = new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted } });
                break;
            }

            var wait = Interval * attempt;
            var retryArmed = attempt < Attempts ? sut.Time.NextTimer(wait) : Task.CompletedTask;
            if (callError)
            {
                await sut.Connection.ReplyErrorAsync(call, "InternalError", "The test CSMS fails this message.");
            }
            else
            {
                sut.Time.Advance(MessageTimeout);
            }

            if (attempt < Attempts)
            {
                await retryArmed.WaitAsync(StationUnderTest.Timeout);
                sut.Time.Advance(wait - TimeSpan.FromSeconds(1));
                await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
                Assert.Equal(attempt, SentCount(sut, first.Request));
                sut.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var extra = callError ? TimeSpan.Zero : MessageTimeout;
        for (var i = 1; i < sentAt.Count; i++)
        {
            Assert.Equal(Interval * i + extra, sentAt[i] - sentAt[i - 1]);
        }

        // The transaction goes on: its next event (Charging) follows the delivered or dropped one.
        var next = await sut.ExpectTransactionEventAsync(first!.Request.TransactionInfo.TransactionId, TriggerReasonEnumType.ChargingStateChanged);
        Assert.Equal(1, next.SeqNo);

        // The OCTT waits one more multiplied interval: the event is not sent again.
        sut.Time.Advance(Interval * (Attempts + 1) + MessageTimeout);
        await sut.Station.GetStatusAsync(CancellationToken.None).WaitAsync(StationUnderTest.Timeout);
        Assert.Equal(answerAttempt ?? Attempts, SentCount(sut, first.Request));
    }

    private static int SentCount(StationUnderTest sut, TransactionEventRequest request) =>
        sut.Connection.Frames.Count(f => f.Direction == FrameDirection.FromStation
            && f.Text.Contains("\"TransactionEvent\"", StringComparison.Ordinal)
            && f.Text.Contains(request.TransactionInfo.TransactionId, StringComparison.Ordinal)
            && f.Text.Contains("\"seqNo\":0", StringComparison.Ordinal));
}
