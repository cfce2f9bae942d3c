using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Authorization;

/// <summary>One Authorization Cache entry as stored: the token, what the CSMS last said of it, and when the
/// station last used it (AuthCacheCtrlr.LifeTime counts from then; the least recently used entry goes first
/// when the cache is full).</summary>
/// <param name="IdToken">The token; idToken is compared case-insensitively, together with its type.</param>
/// <param name="IdTokenInfo">The IdTokenInfo of the last AuthorizeResponse or TransactionEventResponse.</param>
/// <param name="LastUsed">When the entry was last stored or used to decide (station clock).</param>
public sealed record AuthorizationCacheEntry(IdTokenType IdToken, IdTokenInfoType IdTokenInfo, DateTimeOffset LastUsed);

/// <summary>The persistent Authorization Cache (C10.FR.02: kept in non-volatile memory, so it survives a
/// reboot). Entries are keyed by idToken (case-insensitive) and type.</summary>
public interface IAuthorizationCacheStore
{
    /// <summary>Every stored entry, in no particular order.</summary>
    ValueTask<IReadOnlyList<AuthorizationCacheEntry>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the entry or replaces the one with the same idToken and type.</summary>
    ValueTask SaveAsync(AuthorizationCacheEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the entry of the token; an unknown token does nothing.</summary>
    ValueTask RemoveAsync(IdTokenType token, CancellationToken cancellationToken);

    /// <summary>Removes every entry (ClearCache, C11).</summary>
    ValueTask ClearAsync(CancellationToken cancellationToken);
}
