using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Storage;

namespace Chargebox.Station.Security.Certificates;

/// <summary>The station's certificate store as the station uses it: what is in <see cref="ICertificateStore"/>,
/// parsed once at start and kept in step with every change. Filled from the installation options at the very
/// first start. Used on the station's loop.</summary>
internal sealed class StationCertificates : IInstalledCertificates
{
    private readonly ICertificateStore _store;
    private readonly List<InstalledCertificate> _installed;

    private StationCertificates(ICertificateStore store, List<InstalledCertificate> installed)
    {
        _store = store;
        _installed = installed;
    }

    /// <summary>Every installed certificate, oldest first.</summary>
    public IReadOnlyList<InstalledCertificate> All => _installed;

    public X509Certificate2? ChargingStationCertificate => StationCertificate?.Certificate;

    public X509Certificate2Collection ChargingStationCertificateChain => StationCertificate?.Chain ?? [];

    /// <summary>The station's own certificate (with its key and intermediates), or null.</summary>
    public InstalledCertificate? StationCertificate => _installed.LastOrDefault(c => c.Use == CertificateUse.ChargingStationCertificate);

    /// <summary>Loads the store; at the first start of a station, first fills it with the certificates of the
    /// options (CSMS roots, manufacturer roots, the client certificate with its key).</summary>
    public static async Task<StationCertificates> LoadAsync(ICertificateStore store, IInstalledCertificates seed, CancellationToken cancellationToken)
    {
        if (!await store.IsSeededAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var entry in Seed(seed))
            {
                await store.SaveAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            await store.MarkSeededAsync(cancellationToken).ConfigureAwait(false);
        }

        var installed = new List<InstalledCertificate>();
        foreach (var stored in await store.LoadAsync(cancellationToken).ConfigureAwait(false))
        {
            installed.Add(Parse(stored));
        }

        return new StationCertificates(store, installed);
    }

    public IReadOnlyList<X509Certificate2> Roots(InstallCertificateUseEnumType use)
    {
        var name = CertificateUse.Of(use);
        return [.. _installed.Where(c => c.Use == name).Select(c => c.Certificate)];
    }

    /// <summary>Whether this very certificate is installed for <paramref name="use"/> already.</summary>
    public bool Contains(string use, X509Certificate2 certificate) =>
        _installed.Any(c => c.Use == use && c.Certificate.RawData.AsSpan().SequenceEqual(certificate.RawData));

    /// <summary>Installs a trust anchor (M05).</summary>
    public async ValueTask AddRootAsync(string use, X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        var entry = new InstalledCertificate(IdOf(certificate), use, certificate, []);
        await _store.SaveAsync(new StoredCertificate(entry.Id, use, PemBundle.Write([certificate]), ReadOnlyMemory<byte>.Empty), cancellationToken).ConfigureAwait(false);
        _installed.RemoveAll(c => c.Id == entry.Id);
        _installed.Add(entry);
    }

    /// <summary>Removes one certificate (M04).</summary>
    public async ValueTask RemoveAsync(InstalledCertificate certificate, CancellationToken cancellationToken)
    {
        await _store.RemoveAsync(certificate.Id, cancellationToken).ConfigureAwait(false);
        _installed.Remove(certificate);
    }

    /// <summary>Makes <paramref name="leaf"/> (with the key <paramref name="pkcs8"/>) the station's certificate,
    /// replacing the previous one; the next TLS connection uses it (A02.FR.08).</summary>
    public async ValueTask ReplaceStationCertificateAsync(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> intermediates, byte[] pkcs8, CancellationToken cancellationToken)
    {
        var stored = new StoredCertificate(IdOf(leaf), CertificateUse.ChargingStationCertificate, PemBundle.Write([leaf, .. intermediates]), pkcs8);
        var entry = Parse(stored);
        // The new one is durable before the old one goes, so a power cut in between leaves a usable certificate.
        await _store.SaveAsync(stored, cancellationToken).ConfigureAwait(false);
        foreach (var old in _installed.Where(c => c.Use == CertificateUse.ChargingStationCertificate && c.Id != entry.Id).ToList())
        {
            await RemoveAsync(old, cancellationToken).ConfigureAwait(false);
        }

        _installed.RemoveAll(c => c.Id == entry.Id);
        _installed.Add(entry);
    }

    /// <summary>The issuer of <paramref name="certificate"/> among itself (a root), the intermediates installed
    /// with it and the installed roots; null when none is installed. Found by name and key identifier: the
    /// issuer is needed to name the certificate (issuerKeyHash), not to trust it.</summary>
    public X509Certificate2? IssuerOf(InstalledCertificate certificate)
    {
        var issuerName = certificate.Certificate.IssuerName.RawData;
        var authorityKey = certificate.Certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().FirstOrDefault()?.KeyIdentifier;
        return new[] { certificate.Certificate }
            .Concat(certificate.Chain)
            .Concat(_installed.Where(c => c.Use != CertificateUse.ChargingStationCertificate).Select(c => c.Certificate))
            .FirstOrDefault(candidate => candidate.SubjectName.RawData.AsSpan().SequenceEqual(issuerName)
                && (authorityKey is not { } wanted
                    || candidate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault() is not { } subjectKey
                    || Convert.FromHexString(subjectKey.SubjectKeyIdentifier ?? "").AsSpan().SequenceEqual(wanted.Span)));
    }

    public static string IdOf(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>Whether <paramref name="certificate"/> names itself as issuer and its own key made its signature.</summary>
    public static bool IsSelfSigned(X509Certificate2 certificate)
    {
        if (!certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid | X509VerificationFlags.IgnoreWrongUsage;
        return chain.Build(certificate);
    }

    private static IEnumerable<StoredCertificate> Seed(IInstalledCertificates seed)
    {
        foreach (var use in new[] { InstallCertificateUseEnumType.CSMSRootCertificate, InstallCertificateUseEnumType.ManufacturerRootCertificate })
        {
            foreach (var root in seed.Roots(use))
            {
                yield return new StoredCertificate(IdOf(root), CertificateUse.Of(use), PemBundle.Write([root]), ReadOnlyMemory<byte>.Empty);
            }
        }

        if (seed.ChargingStationCertificate is { } client)
        {
            var key = ExportKey(client)
                ?? throw new InvalidOperationException("The client certificate has no private key: give the certificate together with its key.");
            yield return new StoredCertificate(IdOf(client), CertificateUse.ChargingStationCertificate, PemBundle.Write([client, .. seed.ChargingStationCertificateChain]), key);
        }
    }

    private static byte[]? ExportKey(X509Certificate2 certificate)
    {
        using var ecdsa = certificate.GetECDsaPrivateKey();
        if (ecdsa is not null)
        {
            return ecdsa.ExportPkcs8PrivateKey();
        }

        using var rsa = certificate.GetRSAPrivateKey();
        return rsa?.ExportPkcs8PrivateKey();
    }

    private static InstalledCertificate Parse(StoredCertificate stored)
    {
        var certificates = PemBundle.TryRead(stored.Pem, out var problem)
            ?? throw new InvalidOperationException($"Stored certificate {stored.Id} is damaged: {problem}");
        var leaf = certificates[0];
        if (!stored.PrivateKey.IsEmpty)
        {
            var withoutKey = leaf;
            leaf = StationKey.Attach(withoutKey, stored.PrivateKey.Span);
            withoutKey.Dispose();
        }

        return new InstalledCertificate(stored.Id, stored.Use, leaf, [.. certificates.Skip(1)]);
    }
}
