using Chargebox.Protocol.Messages;
using Chargebox.Station;
using Chargebox.Station.Profiles;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>Functional block O: the reference station with a display in its profile (the reference station has
/// none), the OCTT's configured display message values, and Set/Get/ClearDisplayMessage from the CSMS.</summary>
internal sealed partial class StationUnderTest
{
    /// <summary>&lt;Generated displayMessageId&gt;.</summary>
    public const int DisplayMessageId = 31;

    /// <summary>&lt;Configured displayMessage2Id&gt;.</summary>
    public const int DisplayMessage2Id = 32;

    /// <summary>&lt;Generated requestId&gt; of GetDisplayMessages.</summary>
    public const int DisplayRequestId = 77;

    /// <summary>&lt;Configured message&gt;.</summary>
    public const string ConfiguredMessage = "Welcome at Chargebox";

    /// <summary>The reference station with a display of 10 messages; <paramref name="formats"/> and
    /// <paramref name="priorities"/> replace the supported lists (all by default) for the NotSupported cases.</summary>
    public static StationUnderTestSetup WithDisplay(string[]? formats = null, string[]? priorities = null, string[]? states = null) => new()
    {
        Station = options =>
        {
            var display = new DisplayProfile { MaxMessages = 10 };
            display.Formats = formats ?? display.Formats;
            display.Priorities = priorities ?? display.Priorities;
            display.States = states ?? display.States;
            var profile = StationProfile.Reference;
            profile.Display = display;
            return options with { Profile = profile };
        },
    };

    /// <summary>A message with the configured content (ASCII), priority NormalCycle unless told otherwise.</summary>
    public static MessageInfoType DisplayMessage(
        int id = DisplayMessageId,
        MessagePriorityEnumType priority = MessagePriorityEnumType.NormalCycle,
        MessageStateEnumType? state = null,
        string? transactionId = null,
        string content = ConfiguredMessage,
        MessageFormatEnumType format = MessageFormatEnumType.ASCII,
        DateTimeOffset? start = null,
        DateTimeOffset? end = null) => new()
    {
        Id = id,
        Priority = priority,
        State = state,
        TransactionId = transactionId,
        StartDateTime = start,
        EndDateTime = end,
        Message = new MessageContentType { Format = format, Content = content },
    };

    public async Task<DisplayMessageStatusEnumType> SetDisplayMessageAsync(MessageInfoType message) =>
        (await Connection.CallAsync(new SetDisplayMessageRequest { Message = message }, Timeout)).Status;

    /// <summary>Memory state "a display message is configured": SetDisplayMessage answered Accepted.</summary>
    public async Task DisplayMessageConfiguredAsync(MessageInfoType message) =>
        Assert.Equal(DisplayMessageStatusEnumType.Accepted, await SetDisplayMessageAsync(message));

    public async Task<GetDisplayMessagesStatusEnumType> GetDisplayMessagesAsync(
        int[]? ids = null, MessagePriorityEnumType? priority = null, MessageStateEnumType? state = null, int requestId = DisplayRequestId) =>
        (await Connection.CallAsync(
            new GetDisplayMessagesRequest { RequestId = requestId, Id = ids, Priority = priority, State = state }, Timeout)).Status;

    /// <summary>Takes every NotifyDisplayMessagesRequest of one report (until tbc is false), answers each, checks
    /// the requestId, and returns the messages.</summary>
    public async Task<IReadOnlyList<MessageInfoType>> ExpectNotifyDisplayMessagesAsync(int requestId = DisplayRequestId)
    {
        var messages = new List<MessageInfoType>();
        while (true)
        {
            var call = await Connection.ExpectCallAsync<NotifyDisplayMessagesRequest>(Timeout);
            await Connection.ReplyAsync(call, new NotifyDisplayMessagesResponse());
            Assert.Equal(requestId, call.Request.RequestId);
            messages.AddRange(call.Request.MessageInfo ?? []);
            if (call.Request.Tbc != true)
            {
                return messages;
            }
        }
    }

    /// <summary>GetDisplayMessages answered Accepted, then its NotifyDisplayMessages; returns the messages.</summary>
    public async Task<IReadOnlyList<MessageInfoType>> ReportedDisplayMessagesAsync(int[]? ids = null, MessagePriorityEnumType? priority = null, MessageStateEnumType? state = null)
    {
        Assert.Equal(GetDisplayMessagesStatusEnumType.Accepted, await GetDisplayMessagesAsync(ids, priority, state));
        return await ExpectNotifyDisplayMessagesAsync();
    }

    /// <summary>"The display message is displayed": what the station's display shows now, front first.</summary>
    public async Task<IReadOnlyList<int>> DisplayedAsync()
    {
        var status = await Station.GetStatusAsync(CancellationToken.None).WaitAsync(Timeout);
        return [.. (status.Display ?? []).Select(m => m.Id)];
    }

    /// <summary>Reusable states StopAuthorized, EVConnectedPostSession, EVDisconnected and ParkingBayUnoccupied
    /// after EnergyTransferStarted: the transaction ends and the EV leaves.</summary>
    public async Task EndTransactionAndLeaveAsync(string transactionId)
    {
        await StopAuthorizedAsync(transactionId);
        await EvDisconnectedAsync();
    }
}
