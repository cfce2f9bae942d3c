using Chargebox.Station.Storage;

namespace Chargebox.Storage.Tests;

/// <summary>Makes the store a contract test runs against, so every behaviour is pinned on both
/// implementations.</summary>
public interface IStoreFactory : IAsyncDisposable
{
    Task<IStationStore> CreateAsync();
}

public sealed class SqliteStoreFactory : IStoreFactory
{
    private readonly TemporaryDirectory _directory = new();

    public async Task<IStationStore> CreateAsync() => await SqliteStationStore.OpenAsync(_directory.Path);

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed class InMemoryStoreFactory : IStoreFactory
{
    public Task<IStationStore> CreateAsync() => Task.FromResult<IStationStore>(new InMemoryStationStore());

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Base of the contract tests: one store per test, disposed afterwards.</summary>
public abstract class StoreContract<TFactory> : IAsyncLifetime
    where TFactory : IStoreFactory, new()
{
    private readonly TFactory _factory = new();
    private IStationStore? _store;

    protected IStationStore Store => _store ?? throw new InvalidOperationException("InitializeAsync has not run.");

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync() => _store = await _factory.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        await _factory.DisposeAsync();
    }
}
