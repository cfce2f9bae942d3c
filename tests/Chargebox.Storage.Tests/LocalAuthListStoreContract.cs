using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Storage.Tests;

public sealed class SqliteLocalAuthListStoreTests : LocalAuthListStoreContract<SqliteStoreFactory>;

public sealed class InMemoryLocalAuthListStoreTests : LocalAuthListStoreContract<InMemoryStoreFactory>;

public abstract class LocalAuthListStoreContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private static readonly IdTokenType Card = new() { IdToken = "04AB12", Type = IdTokenEnumType.ISO14443 };
    private static readonly IdTokenType Other = new() { IdToken = "04CD34", Type = IdTokenEnumType.ISO14443 };

    [Fact]
    public async Task A_new_store_has_version_0_and_no_entries()
    {
        var list = await Store.LocalAuthList.LoadAsync(None);
        Assert.Equal(0, list.VersionNumber);
        Assert.Empty(list.Entries);
    }

    [Fact]
    public async Task A_full_update_replaces_every_entry_and_the_version()
    {
        await Store.LocalAuthList.ReplaceAsync(3, [Entry(Card, AuthorizationStatusEnumType.Accepted), Entry(Other, AuthorizationStatusEnumType.Blocked)], None);
        await Store.LocalAuthList.ReplaceAsync(4, [Entry(Other, AuthorizationStatusEnumType.Accepted)], None);

        var list = await Store.LocalAuthList.LoadAsync(None);
        Assert.Equal(4, list.VersionNumber);
        var entry = Assert.Single(list.Entries);
        Assert.Equal((Other.IdToken, AuthorizationStatusEnumType.Accepted), (entry.IdToken.IdToken, entry.IdTokenInfo.Status));
    }

    [Fact]
    public async Task A_differential_update_adds_replaces_and_removes_entries_case_insensitively()
    {
        var group = new IdTokenType { IdToken = "GROUP-1", Type = IdTokenEnumType.Central };
        await Store.LocalAuthList.ReplaceAsync(1, [Entry(Card, AuthorizationStatusEnumType.Accepted)], None);

        await Store.LocalAuthList.UpdateAsync(
            2,
            [new LocalAuthListEntry(new IdTokenType { IdToken = "04ab12", Type = IdTokenEnumType.ISO14443 }, new IdTokenInfoType { Status = AuthorizationStatusEnumType.Blocked, GroupIdToken = group }), Entry(Other, AuthorizationStatusEnumType.Accepted)],
            [],
            None);
        var list = await Store.LocalAuthList.LoadAsync(None);
        Assert.Equal(2, list.VersionNumber);
        Assert.Equal(2, list.Entries.Count);
        var card = Assert.Single(list.Entries, e => e.IdToken.IdToken.Equals("04AB12", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(AuthorizationStatusEnumType.Blocked, card.IdTokenInfo.Status);
        Assert.Equal("GROUP-1", card.IdTokenInfo.GroupIdToken?.IdToken);

        await Store.LocalAuthList.UpdateAsync(3, [], [new IdTokenType { IdToken = "04AB12", Type = IdTokenEnumType.ISO14443 }, new IdTokenType { IdToken = "never-stored", Type = IdTokenEnumType.ISO14443 }], None);
        list = await Store.LocalAuthList.LoadAsync(None);
        Assert.Equal(3, list.VersionNumber);
        Assert.Equal(Other.IdToken, Assert.Single(list.Entries).IdToken.IdToken);
    }

    [Fact]
    public async Task The_same_idToken_of_another_type_is_another_entry()
    {
        await Store.LocalAuthList.ReplaceAsync(1, [Entry(Card, AuthorizationStatusEnumType.Accepted), Entry(new IdTokenType { IdToken = Card.IdToken, Type = IdTokenEnumType.KeyCode }, AuthorizationStatusEnumType.Invalid)], None);
        Assert.Equal(2, (await Store.LocalAuthList.LoadAsync(None)).Entries.Count);
    }

    private static LocalAuthListEntry Entry(IdTokenType token, AuthorizationStatusEnumType status) => new(token, new IdTokenInfoType { Status = status });
}
