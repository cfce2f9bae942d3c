using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryLocalAuthListStore(InMemoryState state) : ILocalAuthListStore
{
    private readonly Dictionary<(string IdToken, IdTokenEnumType Type), LocalAuthListEntry> _entries = [];
    private int _versionNumber;

    public ValueTask<StoredLocalAuthList> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult(new StoredLocalAuthList(_versionNumber, [.. _entries.Values]));
        }
    }

    public ValueTask ReplaceAsync(int versionNumber, IReadOnlyList<LocalAuthListEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _entries.Clear();
            foreach (var entry in entries)
            {
                _entries[Key(entry.IdToken)] = entry;
            }

            _versionNumber = versionNumber;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask UpdateAsync(int versionNumber, IReadOnlyList<LocalAuthListEntry> upserts, IReadOnlyList<IdTokenType> removals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(removals);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            foreach (var token in removals)
            {
                _entries.Remove(Key(token));
            }

            foreach (var entry in upserts)
            {
                _entries[Key(entry.IdToken)] = entry;
            }

            _versionNumber = versionNumber;
        }

        return ValueTask.CompletedTask;
    }

    // idToken is case-insensitive (as SQLite's NOCASE: ASCII letters).
    private static (string, IdTokenEnumType) Key(IdTokenType token) => (token.IdToken.ToUpperInvariant(), token.Type);
}
