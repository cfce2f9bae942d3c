using System.Globalization;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Availability;
using Chargebox.Station.Runtime;
using Chargebox.Station.Transactions;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.DisplayMessages;

/// <summary>Functional block O: SetDisplayMessage (O01, O02 for a transaction, O06 replacing), GetDisplayMessages
/// (O03, O04) and ClearDisplayMessage (O05). Messages are persisted before the CSMS hears Accepted and leave when
/// cleared, replaced, past their endDateTime, or when their transaction ends. Built only when the station profile
/// has a display. All methods run on the station's loop.</summary>
internal sealed partial class DisplayMessageBlock : IDisposable
{
    private readonly StationServices _services;
    private readonly AvailabilityBlock _availability;
    private readonly TransactionBlock _transactions;
    private readonly DisplayMessageCtrlr _controller;
    private readonly int _capacity;

    // In the order they were set (a replacement moves to the end): the newest InFront message is shown first.
    private readonly List<MessageInfoType> _messages = [];
    private readonly StationTimer _expiry;
    private readonly ILogger _logger;

    public DisplayMessageBlock(StationServices services, Profiles.DisplayProfile profile, AvailabilityBlock availability, TransactionBlock transactions)
    {
        _services = services;
        _availability = availability;
        _transactions = transactions;
        _controller = new DisplayMessageCtrlr(services.DeviceModel);
        _capacity = profile.MaxMessages;
        _expiry = new StationTimer(services.Inbox, services.Clock.Inner, RemoveExpiredAsync);
        _logger = services.LoggerFactory.CreateLogger<DisplayMessageBlock>();
        services.Router.On<SetDisplayMessageRequest, SetDisplayMessageResponse>(SetDisplayMessageAsync);
        services.Router.On<GetDisplayMessagesRequest, GetDisplayMessagesResponse>(GetDisplayMessagesAsync);
        services.Router.On<ClearDisplayMessageRequest, ClearDisplayMessageResponse>(ClearDisplayMessageAsync);
    }

    /// <summary>Reads the messages kept across a reboot (O01.FR.10); those whose endDateTime passed or whose
    /// transaction is no longer running are dropped. Call after interrupted transactions were ended, before the
    /// loop runs.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await _services.Store.DisplayMessages.LoadAsync(cancellationToken).ConfigureAwait(false);
        _messages.AddRange(stored.OrderBy(m => m.Id));
        await RemoveEndedTransactionsAsync(cancellationToken).ConfigureAwait(false);
        await RemoveExpiredAsync(cancellationToken).ConfigureAwait(false);
        Count();
    }

    /// <summary>Removes the messages of transactions that are no longer running (O02.FR.02); called whenever a
    /// transaction ended.</summary>
    public async ValueTask RemoveEndedTransactionsAsync(CancellationToken cancellationToken)
    {
        var running = RunningTransactions();
        var ended = _messages.Where(m => m.TransactionId is { } id && !running.Contains(id)).ToList();
        await RemoveAsync(ended, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _expiry.Dispose();

    private async ValueTask<SetDisplayMessageResponse> SetDisplayMessageAsync(SetDisplayMessageRequest request, CancellationToken cancellationToken)
    {
        var message = request.Message;
        if (Check(message) is { } refusal)
        {
            LogRefused(_logger, _services.StationId, message.Id, refusal.Status);
            return refusal;
        }

        // O01.FR.16, O02.FR.18: a newer AlwaysFront message replaces the one shown always in front (of the same
        // transaction, or of none).
        var replaced = message.Priority == MessagePriorityEnumType.AlwaysFront
            ? _messages.Where(m => m.Id != message.Id && m.Priority == MessagePriorityEnumType.AlwaysFront && m.TransactionId == message.TransactionId).ToList()
            : [];

        // O01.FR.10: persisted before the CSMS hears Accepted. O06.FR.01: the same id replaces.
        await _services.Store.DisplayMessages.SaveAsync(message, cancellationToken).ConfigureAwait(false);
        _messages.RemoveAll(m => m.Id == message.Id);
        _messages.Add(message);
        await RemoveAsync(replaced, cancellationToken).ConfigureAwait(false);
        Count();
        ArmExpiry();
        return new SetDisplayMessageResponse { Status = DisplayMessageStatusEnumType.Accepted };
    }

    private SetDisplayMessageResponse? Check(MessageInfoType message)
    {
        if (!_controller.Enabled)
        {
            return Refuse(DisplayMessageStatusEnumType.Rejected, "Disabled", "DisplayMessageCtrlr.Enabled is false.");
        }

        // O01.FR.03, O02.FR.05
        if (!_controller.Supports(message.Message.Format))
        {
            return Refuse(DisplayMessageStatusEnumType.NotSupportedMessageFormat, "UnsupportedFormat", $"{message.Message.Format.ToWireString()} is not in DisplayMessageCtrlr.SupportedFormats.");
        }

        // O01.FR.01, O02.FR.03
        if (!_controller.Supports(message.Priority))
        {
            return Refuse(DisplayMessageStatusEnumType.NotSupportedPriority, "UnsupportedPriority", $"{message.Priority.ToWireString()} is not in DisplayMessageCtrlr.SupportedPriorities.");
        }

        // O01.FR.02, O02.FR.04
        if (message.State is { } state && !_controller.Supports(state))
        {
            return Refuse(DisplayMessageStatusEnumType.NotSupportedState, "UnsupportedState", $"{state.ToWireString()} is not in DisplayMessageCtrlr.SupportedStates.");
        }

        // O02.FR.01
        if (message.TransactionId is { } transactionId && !RunningTransactions().Contains(transactionId))
        {
            return Refuse(DisplayMessageStatusEnumType.UnknownTransaction, "UnknownTransaction", $"No transaction {transactionId} is running here.");
        }

        if (message.EndDateTime is { } end && (end <= _services.Clock.GetUtcNow() || end <= message.StartDateTime))
        {
            return Refuse(DisplayMessageStatusEnumType.Rejected, "InvalidValue", "endDateTime has passed or is not after startDateTime.");
        }

        // The station holds at most DisplayMessages' maxLimit messages; a replacement takes no new place.
        var taken = _messages.Count(m => m.Id != message.Id
            && !(message.Priority == MessagePriorityEnumType.AlwaysFront && m.Priority == MessagePriorityEnumType.AlwaysFront && m.TransactionId == message.TransactionId));
        return taken >= _capacity
            ? Refuse(DisplayMessageStatusEnumType.Rejected, "OutOfStorage", $"The station holds at most {_capacity.ToString(CultureInfo.InvariantCulture)} display messages.")
            : null;
    }

    private async ValueTask<GetDisplayMessagesResponse> GetDisplayMessagesAsync(GetDisplayMessagesRequest request, CancellationToken cancellationToken)
    {
        await RemoveExpiredAsync(cancellationToken).ConfigureAwait(false);

        // O04.FR.01..O04.FR.06: every given filter must match; O03.FR.01: none given means all.
        var matching = _messages
            .Where(m => (request.Id is not { Count: > 0 } ids || ids.Contains(m.Id))
                && (request.Priority is not { } priority || m.Priority == priority)
                && (request.State is not { } state || m.State == state))
            .OrderBy(m => m.Id)
            .ToList();

        // O03.FR.06, O04.FR.02, O04.FR.07: nothing to report is Unknown, and no NotifyDisplayMessages follows.
        if (matching.Count == 0)
        {
            return new GetDisplayMessagesResponse { Status = GetDisplayMessagesStatusEnumType.Unknown };
        }

        // O03.FR.02, O04.FR.03: the messages follow the response, under the request's requestId. The station
        // holds at most DisplayMessages' maxLimit messages, so one NotifyDisplayMessages carries them all (no tbc).
        _services.Router.AfterAnswer(() => _services.Link.Send(new NotifyDisplayMessagesRequest
        {
            RequestId = request.RequestId,
            MessageInfo = matching,
        }));
        return new GetDisplayMessagesResponse { Status = GetDisplayMessagesStatusEnumType.Accepted };
    }

    private async ValueTask<ClearDisplayMessageResponse> ClearDisplayMessageAsync(ClearDisplayMessageRequest request, CancellationToken cancellationToken)
    {
        // O05.FR.02: an id the station does not hold is Unknown.
        if (_messages.Find(m => m.Id == request.Id) is not { } message)
        {
            return new ClearDisplayMessageResponse { Status = ClearMessageStatusEnumType.Unknown };
        }

        // O05.FR.01
        await RemoveAsync([message], cancellationToken).ConfigureAwait(false);
        return new ClearDisplayMessageResponse { Status = ClearMessageStatusEnumType.Accepted };
    }

    /// <summary>O01.FR.07, O02.FR.07: a message past its endDateTime is removed.</summary>
    private async ValueTask RemoveExpiredAsync(CancellationToken cancellationToken)
    {
        var now = _services.Clock.GetUtcNow();
        await RemoveAsync([.. _messages.Where(m => m.EndDateTime <= now)], cancellationToken).ConfigureAwait(false);
        ArmExpiry();
    }

    private async ValueTask RemoveAsync(List<MessageInfoType> gone, CancellationToken cancellationToken)
    {
        foreach (var message in gone)
        {
            await _services.Store.DisplayMessages.RemoveAsync(message.Id, cancellationToken).ConfigureAwait(false);
            _messages.Remove(message);
            LogRemoved(_logger, _services.StationId, message.Id);
        }

        if (gone.Count > 0)
        {
            Count();
        }
    }

    private void ArmExpiry()
    {
        var next = _messages.Where(m => m.EndDateTime is not null).Min(m => m.EndDateTime);
        if (next is null)
        {
            _expiry.Stop();
            return;
        }

        var due = next.Value - _services.Clock.GetUtcNow();
        _expiry.Start(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan);
    }

    private void Count() => _services.DeviceModel.UpdateActual(
        new("DisplayMessageCtrlr"), new("DisplayMessages"), _messages.Count.ToString(CultureInfo.InvariantCulture));

    private HashSet<string> RunningTransactions() =>
        [.. _services.Hardware.Evses.Select(e => _transactions.TransactionIdOn(e.EvseId)).OfType<string>()];

    private static SetDisplayMessageResponse Refuse(DisplayMessageStatusEnumType status, string reason, string info) => new()
    {
        Status = status,
        StatusInfo = new StatusInfoType { ReasonCode = reason, AdditionalInfo = info },
    };

    [LoggerMessage(EventId = 4400, Level = LogLevel.Information, Message = "Station {StationId}: display message {MessageId} not set ({Status})")]
    private static partial void LogRefused(ILogger logger, string stationId, int messageId, DisplayMessageStatusEnumType status);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Station {StationId}: display message {MessageId} removed")]
    private static partial void LogRemoved(ILogger logger, string stationId, int messageId);
}
