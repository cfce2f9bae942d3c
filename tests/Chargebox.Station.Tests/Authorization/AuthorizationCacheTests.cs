using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;
using Chargebox.Storage;

namespace Chargebox.Station.Tests.Authorization;

/// <summary>The cache's own rules (C10): write-through to the store, least recently used eviction at the
/// Storage limit, case-insensitive idTokens.</summary>
public sealed class AuthorizationCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly InMemoryStationStore _store = new();

    [Fact]
    public async Task FullCache_EvictsTheLeastRecentlyUsedEntry()
    {
        var cache = new AuthorizationCache(_store.AuthorizationCache);
        await cache.UpdateAsync(Card("A"), Accepted, Now, long.MaxValue, CancellationToken.None);
        var oneEntry = cache.SizeInBytes;
        await cache.UpdateAsync(Card("B"), Accepted, Now.AddSeconds(1), long.MaxValue, CancellationToken.None);

        // A is used after B was stored, so B is now the least recently used.
        Assert.NotNull(await cache.FindAsync(Card("A"), Now.AddSeconds(2), Day, CancellationToken.None));
        await cache.UpdateAsync(Card("C"), Accepted, Now.AddSeconds(3), (oneEntry * 2) + 1, CancellationToken.None);

        Assert.Equal(2, cache.Count);
        Assert.Null(await cache.FindAsync(Card("B"), Now.AddSeconds(4), Day, CancellationToken.None));
        Assert.NotNull(await cache.FindAsync(Card("A"), Now.AddSeconds(4), Day, CancellationToken.None));
        Assert.Equal(2, (await _store.AuthorizationCache.LoadAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task IdTokenIsCaseInsensitive()
    {
        var cache = new AuthorizationCache(_store.AuthorizationCache);
        await cache.UpdateAsync(Card("04ab"), Accepted, Now, long.MaxValue, CancellationToken.None);
        Assert.NotNull(await cache.FindAsync(Card("04AB"), Now, Day, CancellationToken.None));
        Assert.Null(await cache.FindAsync(new IdTokenType { IdToken = "04AB", Type = IdTokenEnumType.KeyCode }, Now, Day, CancellationToken.None));
    }

    [Fact]
    public async Task C11_Clear_EmptiesTheStoreToo()
    {
        var cache = new AuthorizationCache(_store.AuthorizationCache);
        await cache.UpdateAsync(Card("A"), Accepted, Now, long.MaxValue, CancellationToken.None);
        await cache.ClearAsync(CancellationToken.None);

        Assert.Equal((0, 0L), (cache.Count, cache.SizeInBytes));
        Assert.Empty(await _store.AuthorizationCache.LoadAsync(CancellationToken.None));
    }

    private static IdTokenInfoType Accepted => new() { Status = AuthorizationStatusEnumType.Accepted };

    private static IdTokenType Card(string id) => new() { IdToken = id, Type = IdTokenEnumType.ISO14443 };
}
