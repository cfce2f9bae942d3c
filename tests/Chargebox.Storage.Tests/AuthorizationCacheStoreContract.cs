using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;

namespace Chargebox.Storage.Tests;

public sealed class SqliteAuthorizationCacheStoreTests : AuthorizationCacheStoreContract<SqliteStoreFactory>;

public sealed class InMemoryAuthorizationCacheStoreTests : AuthorizationCacheStoreContract<InMemoryStoreFactory>;

public abstract class AuthorizationCacheStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, 123, TimeSpan.Zero);
    private static readonly IdTokenType Card = new() { IdToken = "04AB12", Type = IdTokenEnumType.ISO14443 };

    [Fact]
    public async Task A_new_store_has_an_empty_cache() =>
        Assert.Empty(await Store.AuthorizationCache.LoadAsync(None));

    [Fact]
    public async Task Saved_entries_load_with_their_info_and_last_use_and_saving_again_replaces()
    {
        var info = new IdTokenInfoType
        {
            Status = AuthorizationStatusEnumType.Accepted,
            CacheExpiryDateTime = Start.AddDays(1),
            GroupIdToken = new IdTokenType { IdToken = "GROUP-1", Type = IdTokenEnumType.Central },
        };
        await Store.AuthorizationCache.SaveAsync(new AuthorizationCacheEntry(Card, info, Start), None);
        await Store.AuthorizationCache.SaveAsync(new AuthorizationCacheEntry(new IdTokenType { IdToken = "04ab12", Type = IdTokenEnumType.ISO14443 }, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Blocked }, Start.AddMinutes(5)), None);

        var entry = Assert.Single(await Store.AuthorizationCache.LoadAsync(None));
        Assert.Equal(AuthorizationStatusEnumType.Blocked, entry.IdTokenInfo.Status);
        Assert.Equal(Start.AddMinutes(5), entry.LastUsed);

        await Store.AuthorizationCache.SaveAsync(new AuthorizationCacheEntry(Card, info, Start), None);
        entry = Assert.Single(await Store.AuthorizationCache.LoadAsync(None));
        Assert.Equal((Card.IdToken, Card.Type), (entry.IdToken.IdToken, entry.IdToken.Type));
        Assert.Equal(Start.AddDays(1), entry.IdTokenInfo.CacheExpiryDateTime);
        Assert.Equal("GROUP-1", entry.IdTokenInfo.GroupIdToken?.IdToken);
    }

    [Fact]
    public async Task The_same_idToken_of_another_type_is_another_entry()
    {
        await Store.AuthorizationCache.SaveAsync(new AuthorizationCacheEntry(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, Start), None);
        await Store.AuthorizationCache.SaveAsync(new AuthorizationCacheEntry(new IdTokenType { IdToken = Card.IdToken, Type = IdTokenEnumType.KeyCode }, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Invalid }, Start), None);
        Assert.Equal(2, (await Store.AuthorizationCache.LoadAsync(None)).Count);
    }

    [Fact]
    public async Task Removed_and_cleared_entries_are_gone()
    {
        var other = new IdTokenType { IdToken = "04CD34", Type = IdTokenEnumType.ISO14443 };
        await Store.AuthorizationCache.SaveAsync(new AuthorizationCacheEntry(Card, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, Start), None);
        await Store.AuthorizationCache.SaveAsync(new AuthorizationCacheEntry(other, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Accepted }, Start), None);

        await Store.AuthorizationCache.RemoveAsync(new IdTokenType { IdToken = "04ab12", Type = IdTokenEnumType.ISO14443 }, None);
        await Store.AuthorizationCache.RemoveAsync(new IdTokenType { IdToken = "never-saved", Type = IdTokenEnumType.ISO14443 }, None);
        Assert.Equal("04CD34", Assert.Single(await Store.AuthorizationCache.LoadAsync(None)).IdToken.IdToken);

        await Store.AuthorizationCache.ClearAsync(None);
        Assert.Empty(await Store.AuthorizationCache.LoadAsync(None));
    }
}
