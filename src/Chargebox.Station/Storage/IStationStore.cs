using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;

namespace Chargebox.Station.Storage;

/// <summary>Everything a station keeps across a reboot or a power cut. Each write is durable when the
/// returned task completes (one committed transaction), so a crash right after loses nothing the station
/// acted on. The default implementation is SQLite (Chargebox.Storage); tests may use an in-memory one.</summary>
public interface IStationStore : IAsyncDisposable
{
    IDeviceModelStore DeviceModel { get; }

    IAvailabilityStore Availability { get; }

    IMessageQueueStore MessageQueue { get; }

    INetworkProfileStore NetworkProfiles { get; }

    ITransactionStore Transactions { get; }

    IAuthorizationCacheStore AuthorizationCache { get; }

    ICertificateStore Certificates { get; }

    ISecurityLogStore SecurityLog { get; }

    IFirmwareUpdateStore FirmwareUpdate { get; }

    ILocalAuthListStore LocalAuthList { get; }
    IReservationStore Reservations { get; }
    IDisplayMessageStore DisplayMessages { get; }
}

/// <summary>Device-model attribute values that were set at run time (SetVariables, the station itself)
/// and must survive a reboot. Keys are made by the device model and are opaque here.</summary>
public interface IDeviceModelStore
{
    ValueTask<IReadOnlyDictionary<string, string>> LoadAsync(CancellationToken cancellationToken);

    ValueTask SaveAsync(string key, string value, CancellationToken cancellationToken);

    ValueTask RemoveAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Which part of the station an availability setting applies to: the whole station (no EVSE),
/// one EVSE (no connector) or one connector.</summary>
public readonly record struct AvailabilityScope(int? EvseId, int? ConnectorId)
{
    public static AvailabilityScope Station => new(null, null);

    public override string ToString() =>
        EvseId is null ? "station" : ConnectorId is null ? $"evse {EvseId}" : $"evse {EvseId} connector {ConnectorId}";
}

/// <summary>The operational state set by ChangeAvailability (G03, G04): kept across reboots (G03.FR.05).</summary>
public interface IAvailabilityStore
{
    /// <summary>Every scope that was made Inoperative or Operative explicitly; true = Operative.</summary>
    ValueTask<IReadOnlyDictionary<AvailabilityScope, bool>> LoadAsync(CancellationToken cancellationToken);

    ValueTask SaveAsync(AvailabilityScope scope, bool operative, CancellationToken cancellationToken);
}

/// <summary>A message the station must deliver to the CSMS even across a reconnect or a power cut
/// (TransactionEvent, and security events), in the order it was queued.</summary>
/// <param name="Id">Position in the queue, assigned by the store, increasing.</param>
/// <param name="Action">The OCPP action, e.g. <c>TransactionEvent</c>.</param>
/// <param name="Payload">The request payload as UTF-8 JSON.</param>
/// <param name="QueuedAt">When the station queued it.</param>
/// <param name="Attempts">How many times sending it has failed so far.</param>
public sealed record QueuedMessage(long Id, string Action, ReadOnlyMemory<byte> Payload, DateTimeOffset QueuedAt, int Attempts);

/// <summary>The persistent outgoing queue.</summary>
public interface IMessageQueueStore
{
    /// <summary>Appends a message; returns it with its assigned <see cref="QueuedMessage.Id"/>.</summary>
    ValueTask<QueuedMessage> EnqueueAsync(string action, ReadOnlyMemory<byte> payload, DateTimeOffset queuedAt, CancellationToken cancellationToken);

    /// <summary>All messages not yet removed, oldest first.</summary>
    ValueTask<IReadOnlyList<QueuedMessage>> LoadAsync(CancellationToken cancellationToken);

    ValueTask SetAttemptsAsync(long id, int attempts, CancellationToken cancellationToken);

    /// <summary>Removes a delivered (or abandoned) message.</summary>
    ValueTask RemoveAsync(long id, CancellationToken cancellationToken);
}

/// <summary>The network connection profiles by configuration slot (B09): set by SetNetworkProfile (or seeded
/// from the station's installation options) and kept across reboots, so NetworkConfigurationPriority can name
/// them at the next boot (B10).</summary>
public interface INetworkProfileStore
{
    /// <summary>Every stored profile, by configuration slot.</summary>
    ValueTask<IReadOnlyDictionary<int, NetworkConnectionProfileType>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="profile"/> in <paramref name="configurationSlot"/>, replacing what was there.</summary>
    ValueTask SaveAsync(int configurationSlot, NetworkConnectionProfileType profile, CancellationToken cancellationToken);
}

/// <summary>A transaction that was running when last saved: enough to end it correctly after a power cut
/// (E01: its id and the next seqNo, so the Ended event continues the sequence without a gap or a repeat).</summary>
/// <param name="TransactionId">The id the station gave the transaction.</param>
/// <param name="EvseId">The EVSE it runs on.</param>
/// <param name="ConnectorId">The connector it runs on.</param>
/// <param name="NextSeqNo">The seqNo of its next TransactionEvent.</param>
/// <param name="StartedAt">When it started (station clock).</param>
public sealed record StoredTransaction(string TransactionId, int EvseId, int ConnectorId, int NextSeqNo, DateTimeOffset StartedAt);

/// <summary>The transactions running on the station, saved at every event.</summary>
public interface ITransactionStore
{
    /// <summary>Every transaction saved and not removed, in no particular order.</summary>
    ValueTask<IReadOnlyList<StoredTransaction>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the transaction or replaces the one with the same id.</summary>
    ValueTask SaveAsync(StoredTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Removes an ended transaction; removing an unknown id does nothing.</summary>
    ValueTask RemoveAsync(string transactionId, CancellationToken cancellationToken);
}

/// <summary>One entry of the security log as stored (A04.FR.01).</summary>
/// <param name="Timestamp">When the event happened (station clock).</param>
/// <param name="Type">The security event type, e.g. <c>StartupOfTheDevice</c>.</param>
/// <param name="TechInfo">Free text the block that raised it added; never a secret.</param>
public sealed record SecurityLogRecord(DateTimeOffset Timestamp, string Type, string? TechInfo);

/// <summary>The station's security log, kept across reboots and bounded: the oldest entries go first when it
/// is full, so a flood of events cannot exhaust the station's storage.</summary>
public interface ISecurityLogStore
{
    /// <summary>Appends <paramref name="record"/>, then removes the oldest entries beyond <paramref name="capacity"/>.</summary>
    ValueTask AppendAsync(SecurityLogRecord record, int capacity, CancellationToken cancellationToken);

    /// <summary>The entries whose timestamp lies between <paramref name="oldest"/> and <paramref name="latest"/>
    /// (both inclusive, either may be null), in the order they were appended.</summary>
    ValueTask<IReadOnlyList<SecurityLogRecord>> ReadAsync(DateTimeOffset? oldest, DateTimeOffset? latest, CancellationToken cancellationToken);
}
