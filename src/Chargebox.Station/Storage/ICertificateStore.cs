namespace Chargebox.Station.Storage;

/// <summary>One certificate installed on the station (M05, A02), kept across reboots.</summary>
/// <param name="Id">Chosen by the station (the certificate's SHA-256 thumbprint); unique.</param>
/// <param name="Use">What it is for, as the specification names it: <c>CSMSRootCertificate</c>,
/// <c>ManufacturerRootCertificate</c>, <c>V2GRootCertificate</c>, <c>MORootCertificate</c> or
/// <c>ChargingStationCertificate</c>.</param>
/// <param name="Pem">The certificate in PEM, followed by the intermediates sent with it, if any.</param>
/// <param name="PrivateKey">The station's private key for it (PKCS#8 DER); empty for a trust anchor.</param>
public sealed record StoredCertificate(string Id, string Use, string Pem, ReadOnlyMemory<byte> PrivateKey);

/// <summary>The station's certificate store: trust anchors, its own certificate with its key, and the key of
/// a certificate signing request still waiting for its certificate (A02: the key never leaves the station).</summary>
public interface ICertificateStore
{
    /// <summary>Every stored certificate, in the order they were first saved.</summary>
    ValueTask<IReadOnlyList<StoredCertificate>> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Inserts the certificate or replaces the one with the same id (keeping its place in the order).</summary>
    ValueTask SaveAsync(StoredCertificate certificate, CancellationToken cancellationToken);

    /// <summary>Removes a certificate; removing an unknown id does nothing.</summary>
    ValueTask RemoveAsync(string id, CancellationToken cancellationToken);

    /// <summary>Whether the store was filled from the installation options once already (so certificates the
    /// CSMS deleted later do not come back at the next start).</summary>
    ValueTask<bool> IsSeededAsync(CancellationToken cancellationToken);

    ValueTask MarkSeededAsync(CancellationToken cancellationToken);

    /// <summary>The private key (PKCS#8 DER) of the last certificate signing request, or null.</summary>
    ValueTask<byte[]?> LoadPendingKeyAsync(CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="pkcs8"/> as the pending key; null forgets it.</summary>
    ValueTask SavePendingKeyAsync(ReadOnlyMemory<byte>? pkcs8, CancellationToken cancellationToken);
}
