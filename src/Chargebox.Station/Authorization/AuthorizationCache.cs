using System.Text.Json;
using Chargebox.Protocol.Json;
using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Authorization;

/// <summary>The Authorization Cache (C10): the last IdTokenInfo the CSMS gave for each token, from
/// AuthorizeResponse and TransactionEventResponse. Kept in memory for the decisions and written through to
/// <see cref="IAuthorizationCacheStore"/>, so it survives a reboot (C10.FR.02). An entry not used for
/// AuthCacheCtrlr.LifeTime is dropped; when the entries need more than the Storage limit, the least
/// recently used go first. Used only from the station's loop.</summary>
internal sealed class AuthorizationCache
{
    // Bytes counted per entry beyond its JSON: the last-use time and the key.
    private const int EntryOverhead = 16;

    private readonly IAuthorizationCacheStore _store;
    private readonly Dictionary<(string IdToken, IdTokenEnumType Type), Slot> _entries = [];
    private bool _loaded;

    public AuthorizationCache(IAuthorizationCacheStore store) => _store = store;

    public int Count => _entries.Count;

    /// <summary>The bytes the entries take (AuthCacheCtrlr.Storage).</summary>
    public long SizeInBytes { get; private set; }

    /// <summary>Reads the stored entries once; later calls do nothing.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        foreach (var entry in await _store.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            Put(entry);
        }

        _loaded = true;
    }

    /// <summary>C10: stores what the CSMS said of <paramref name="token"/>, used now; then evicts the least
    /// recently used entries while the cache needs more than <paramref name="capacityBytes"/>.</summary>
    public async ValueTask UpdateAsync(IdTokenType token, IdTokenInfoType info, DateTimeOffset now, long capacityBytes, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        var entry = new AuthorizationCacheEntry(token, info, now);
        await _store.SaveAsync(entry, cancellationToken).ConfigureAwait(false);
        Put(entry);
        while (SizeInBytes > capacityBytes && _entries.Count > 1)
        {
            var oldest = _entries.Values.MinBy(s => s.Entry.LastUsed)!;
            await RemoveAsync(oldest.Entry.IdToken, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The cached information, or null when the token is unknown or was not used for
    /// <paramref name="lifeTime"/> (the entry is then removed). A hit counts as a use. Once the CSMS's
    /// cacheExpiryDateTime has passed, the entry reads as Expired.</summary>
    public async ValueTask<IdTokenInfoType?> FindAsync(IdTokenType token, DateTimeOffset now, TimeSpan lifeTime, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        if (!_entries.TryGetValue(Key(token), out var slot))
        {
            return null;
        }

        if (slot.Entry.LastUsed + lifeTime <= now)
        {
            await RemoveAsync(token, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var used = slot.Entry with { LastUsed = now };
        await _store.SaveAsync(used, cancellationToken).ConfigureAwait(false);
        Put(used);
        var info = used.IdTokenInfo;
        return info.CacheExpiryDateTime is { } expiry && expiry <= now && info.Status == AuthorizationStatusEnumType.Accepted
            ? Copy(info, AuthorizationStatusEnumType.Expired)
            : info;
    }

    /// <summary>What is cached for the token, without counting as a use (CustomerInformation reports it, N09);
    /// null when unknown or past its lifetime. Reads the entries loaded so far (see <see cref="LoadAsync"/>).</summary>
    public IdTokenInfoType? Find(IdTokenType token, DateTimeOffset now, TimeSpan lifeTime) =>
        _entries.TryGetValue(Key(token), out var slot) && slot.Entry.LastUsed + lifeTime > now ? slot.Entry.IdTokenInfo : null;

    /// <summary>N10.FR.01: ClearCustomerInformation removes the entry of one token.</summary>
    public async ValueTask RemoveAsync(IdTokenType token, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        await _store.RemoveAsync(token, cancellationToken).ConfigureAwait(false);
        if (_entries.Remove(Key(token), out var removed))
        {
            SizeInBytes -= removed.Bytes;
        }
    }

    /// <summary>C11: removes every entry.</summary>
    public async ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        await _store.ClearAsync(cancellationToken).ConfigureAwait(false);
        _entries.Clear();
        SizeInBytes = 0;
        _loaded = true;
    }

    private void Put(AuthorizationCacheEntry entry)
    {
        var key = Key(entry.IdToken);
        if (_entries.Remove(key, out var replaced))
        {
            SizeInBytes -= replaced.Bytes;
        }

        var bytes = EntryOverhead
            + JsonSerializer.SerializeToUtf8Bytes(entry.IdToken, OcppJsonContext.Default.IdTokenType).Length
            + JsonSerializer.SerializeToUtf8Bytes(entry.IdTokenInfo, OcppJsonContext.Default.IdTokenInfoType).Length;
        _entries[key] = new Slot(entry, bytes);
        SizeInBytes += bytes;
    }

    private static IdTokenInfoType Copy(IdTokenInfoType info, AuthorizationStatusEnumType status) => new()
    {
        Status = status,
        CacheExpiryDateTime = info.CacheExpiryDateTime,
        ChargingPriority = info.ChargingPriority,
        Language1 = info.Language1,
        Language2 = info.Language2,
        EvseId = info.EvseId,
        GroupIdToken = info.GroupIdToken,
        PersonalMessage = info.PersonalMessage,
    };

    // idToken is case-insensitive.
    private static (string, IdTokenEnumType) Key(IdTokenType token) => (token.IdToken.ToUpperInvariant(), token.Type);

    private sealed record Slot(AuthorizationCacheEntry Entry, long Bytes);
}
