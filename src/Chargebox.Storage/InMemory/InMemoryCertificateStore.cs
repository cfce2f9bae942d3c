using Chargebox.Station.Storage;

namespace Chargebox.Storage.InMemory;

internal sealed class InMemoryCertificateStore(InMemoryState state) : ICertificateStore
{
    // A list, not a dictionary: Load returns the certificates in the order they were first saved.
    private readonly List<StoredCertificate> _certificates = [];
    private bool _seeded;
    private byte[]? _pendingKey;

    public ValueTask<IReadOnlyList<StoredCertificate>> LoadAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult<IReadOnlyList<StoredCertificate>>([.. _certificates]);
        }
    }

    public ValueTask SaveAsync(StoredCertificate certificate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        // The caller may reuse its key buffer; keep a copy.
        var copy = certificate with { PrivateKey = certificate.PrivateKey.ToArray() };
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            var index = _certificates.FindIndex(c => c.Id == certificate.Id);
            if (index >= 0)
            {
                _certificates[index] = copy;
            }
            else
            {
                _certificates.Add(copy);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string id, CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _certificates.RemoveAll(c => c.Id == id);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> IsSeededAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult(_seeded);
        }
    }

    public ValueTask MarkSeededAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _seeded = true;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> LoadPendingKeyAsync(CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            return ValueTask.FromResult(_pendingKey?.ToArray());
        }
    }

    public ValueTask SavePendingKeyAsync(ReadOnlyMemory<byte>? pkcs8, CancellationToken cancellationToken)
    {
        lock (state.Gate)
        {
            state.ThrowIfDisposed(cancellationToken);
            _pendingKey = pkcs8?.ToArray();
        }

        return ValueTask.CompletedTask;
    }
}
