using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Authorization;

/// <summary>The Authorization Cache (C10): the last IdTokenInfo the CSMS gave for each token, from
/// AuthorizeResponse and TransactionEventResponse, until it expires. Kept in memory for now: it is lost on
/// a reboot (persisting it is left for the local authorization list work).</summary>
internal sealed class AuthorizationCache
{
    private readonly Dictionary<(string IdToken, IdTokenEnumType Type), Entry> _entries = [];

    public int Count => _entries.Count;

    /// <summary>C10.FR.04/05: store what the CSMS said, with its own expiry or the configured LifeTime.</summary>
    public void Update(IdTokenType token, IdTokenInfoType info, DateTimeOffset now, TimeSpan lifeTime) =>
        _entries[(token.IdToken, token.Type)] = new Entry(info, info.CacheExpiryDateTime ?? now + lifeTime);

    /// <summary>The cached information, or null when the token is unknown or its entry expired (C10.FR.08).</summary>
    public IdTokenInfoType? Find(IdTokenType token, DateTimeOffset now)
    {
        var key = (token.IdToken, token.Type);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt <= now)
        {
            _entries.Remove(key);
            return null;
        }

        return entry.Info;
    }

    public void Clear() => _entries.Clear();

    /// <summary>N10.FR.01: ClearCustomerInformation removes the entry of one token.</summary>
    public bool Remove(IdTokenType token) => _entries.Remove((token.IdToken, token.Type));

    private sealed record Entry(IdTokenInfoType Info, DateTimeOffset ExpiresAt);
}
