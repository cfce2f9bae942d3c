using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryAuthorizationCacheStore(InMemoryState state) : IAuthorizationCacheStore
{
    private readonly Dictionary<(string IdToken, IdTokenEnumType Type), AuthorizationCacheEntry> _entries = [];

    public ValueTask<IReadOnlyList<AuthorizationCacheEntry>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyList<AuthorizationCacheEntry>>([.. _entries.Values]);
        }
    }

    public ValueTask SaveAsync(AuthorizationCacheEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _entries[Key(entry.IdToken)] = entry;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(IdTokenType token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _entries.Remove(Key(token));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ClearAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _entries.Clear();
        }

        return ValueTask.CompletedTask;
    }

    // idToken is case-insensitive (as SQLite's NOCASE: ASCII letters).
    private static (string, IdTokenEnumType) Key(IdTokenType token) => (token.IdToken.ToUpperInvariant(), token.Type);
}
