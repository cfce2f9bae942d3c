using Chargebox.Station.Authorization;
using Chargebox.Station.Storage;
using Chargebox.Storage.InMemory;

namespace Chargebox.Storage;

/// <summary>The station's storage in memory, with the same behaviour as <see cref="SqliteStationStore"/>
/// but nothing survives the process: for tests and fleet mode. Safe for concurrent use.</summary>
public sealed class InMemoryStationStore : IStationStore
{
    private readonly InMemoryState _state = new();

    public InMemoryStationStore()
    {
        DeviceModel = new InMemoryDeviceModelStore(_state);
        Availability = new InMemoryAvailabilityStore(_state);
        MessageQueue = new InMemoryMessageQueueStore(_state);
        NetworkProfiles = new InMemoryNetworkProfileStore(_state);
        AuthorizationCache = new InMemoryAuthorizationCacheStore(_state);
        SecurityLog = new InMemorySecurityLogStore(_state);
        Transactions = new InMemoryTransactionStore(_state);
        FirmwareUpdate = new InMemoryFirmwareUpdateStore(_state);
        LocalAuthList = new InMemoryLocalAuthListStore(_state);
        Reservations = new InMemoryReservationStore(_state);
        DisplayMessages = new InMemoryDisplayMessageStore(_state);
        Certificates = new InMemoryCertificateStore(_state);
    }

    public IDeviceModelStore DeviceModel { get; }

    public IAvailabilityStore Availability { get; }

    public IMessageQueueStore MessageQueue { get; }

    public INetworkProfileStore NetworkProfiles { get; }
    public ITransactionStore Transactions { get; }

    public IAuthorizationCacheStore AuthorizationCache { get; }

    public ICertificateStore Certificates { get; }

    public ISecurityLogStore SecurityLog { get; }

    public IFirmwareUpdateStore FirmwareUpdate { get; }

    public ILocalAuthListStore LocalAuthList { get; }
    public IReservationStore Reservations { get; }

    public IDisplayMessageStore DisplayMessages { get; }

    public ValueTask DisposeAsync()
    {
        lock (_state.Gate)
        {
            _state.Disposed = true;
        }

        return ValueTask.CompletedTask;
    }
}
