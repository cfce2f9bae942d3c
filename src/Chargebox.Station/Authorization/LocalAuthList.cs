using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Authorization;

/// <summary>The Local Authorization List (D01): the tokens the CSMS sent with SendLocalList and what it said of
/// each, with the list's version. Kept in memory for the decisions and written through to
/// <see cref="ILocalAuthListStore"/>, so it survives a reboot (D01.FR.10). Only the CSMS changes it: what an
/// AuthorizeResponse or TransactionEventResponse says of a token never does. Used only from the station's loop.</summary>
internal sealed class LocalAuthList
{
    private readonly ILocalAuthListStore _store;
    private readonly Dictionary<(string IdToken, IdTokenEnumType Type), LocalAuthListEntry> _entries = [];
    private bool _loaded;

    public LocalAuthList(ILocalAuthListStore store) => _store = store;

    /// <summary>The version of the installed list; 0 = no list installed (D02).</summary>
    public int VersionNumber { get; private set; }

    public int Count => _entries.Count;

    /// <summary>Reads the stored list once; later calls do nothing.</summary>
    public async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
        {
            return;
        }

        var stored = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        _entries.Clear();
        foreach (var entry in stored.Entries)
        {
            _entries[Key(entry.IdToken)] = entry;
        }

        VersionNumber = stored.VersionNumber;
        _loaded = true;
    }

    /// <summary>What the list says of <paramref name="token"/>, or null when it is not listed.</summary>
    public async ValueTask<IdTokenInfoType?> FindAsync(IdTokenType token, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        return _entries.TryGetValue(Key(token), out var entry) ? entry.IdTokenInfo : null;
    }

    /// <summary>How many entries the list would hold after a differential update with these changes.</summary>
    public int CountAfter(IEnumerable<IdTokenType> upserts, IEnumerable<IdTokenType> removals)
    {
        var added = upserts.Count(t => !_entries.ContainsKey(Key(t)));
        var removed = removals.Count(t => _entries.ContainsKey(Key(t)));
        return _entries.Count + added - removed;
    }

    /// <summary>D01.FR.15: a Full update replaces the whole list (D01.FR.04: with no entries it empties it).</summary>
    public async ValueTask ReplaceAsync(int versionNumber, IReadOnlyList<LocalAuthListEntry> entries, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        await _store.ReplaceAsync(versionNumber, entries, cancellationToken).ConfigureAwait(false);
        _entries.Clear();
        foreach (var entry in entries)
        {
            _entries[Key(entry.IdToken)] = entry;
        }

        VersionNumber = versionNumber;
    }

    /// <summary>D01.FR.16, D01.FR.17: a Differential update adds or replaces the entries that carry an
    /// IdTokenInfo and removes the tokens that carry none.</summary>
    public async ValueTask UpdateAsync(int versionNumber, IReadOnlyList<LocalAuthListEntry> upserts, IReadOnlyList<IdTokenType> removals, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        await _store.UpdateAsync(versionNumber, upserts, removals, cancellationToken).ConfigureAwait(false);
        foreach (var token in removals)
        {
            _entries.Remove(Key(token));
        }

        foreach (var entry in upserts)
        {
            _entries[Key(entry.IdToken)] = entry;
        }

        VersionNumber = versionNumber;
    }

    /// <summary>The key of a token in the list: idToken is case-insensitive, and the type is part of it.</summary>
    public static (string, IdTokenEnumType) Key(IdTokenType token) => (token.IdToken.ToUpperInvariant(), token.Type);
}
