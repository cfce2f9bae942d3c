using Chargebox.Protocol.Messages;

namespace Chargebox.Station.Storage;

/// <summary>One entry of the Local Authorization List as stored: a token and the IdTokenInfo the CSMS gave
/// for it in SendLocalList (D01).</summary>
/// <param name="IdToken">The token; idToken is compared case-insensitively, together with its type.</param>
/// <param name="IdTokenInfo">What the CSMS said of the token.</param>
public sealed record LocalAuthListEntry(IdTokenType IdToken, IdTokenInfoType IdTokenInfo);

/// <summary>The Local Authorization List as stored: its version (0 = no list installed, D02) and its entries.</summary>
/// <param name="VersionNumber">The versionNumber of the last accepted SendLocalList, 0 when none.</param>
/// <param name="Entries">Every entry, in no particular order.</param>
public sealed record StoredLocalAuthList(int VersionNumber, IReadOnlyList<LocalAuthListEntry> Entries);

/// <summary>The persistent Local Authorization List (D01.FR.10: kept across a reboot). Each update is one
/// committed transaction: the version and the entries change together or not at all.</summary>
public interface ILocalAuthListStore
{
    /// <summary>The stored list; version 0 and no entries when nothing was ever stored.</summary>
    ValueTask<StoredLocalAuthList> LoadAsync(CancellationToken cancellationToken);

    /// <summary>A Full update: the entries become exactly <paramref name="entries"/>, the version <paramref name="versionNumber"/>.</summary>
    ValueTask ReplaceAsync(int versionNumber, IReadOnlyList<LocalAuthListEntry> entries, CancellationToken cancellationToken);

    /// <summary>A Differential update: <paramref name="upserts"/> are inserted or replace the entry of the same
    /// token, <paramref name="removals"/> are removed (an unknown token does nothing), and the version becomes
    /// <paramref name="versionNumber"/>.</summary>
    ValueTask UpdateAsync(int versionNumber, IReadOnlyList<LocalAuthListEntry> upserts, IReadOnlyList<IdTokenType> removals, CancellationToken cancellationToken);
}
