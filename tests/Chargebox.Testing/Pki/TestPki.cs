using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chargebox.Testing.Pki;

/// <summary>A throw-away public key infrastructure made at test time (keys are never committed): a root CA
/// that plays CSMSRootCertificate and signs the CSMS server certificate, and a station sub-CA under the same
/// root that signs ChargingStationCertificates, plus bad certificates for negative tests.</summary>
public sealed class TestPki : IDisposable
{
    /// <summary>The organisation written into station certificates.</summary>
    public const string StationOrganization = "Chargebox Test Operator";

    private readonly TestKeyAlgorithm _algorithm;
    private readonly TimeProvider _timeProvider;
    private readonly List<X509Certificate2> _issued = [];

    private TestPki(TestKeyAlgorithm algorithm, TimeProvider timeProvider)
    {
        _algorithm = algorithm;
        _timeProvider = timeProvider;
        // A random tag keeps the names of two PKIs in one test run apart.
        var tag = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));
        var now = _timeProvider.GetUtcNow();
        Root = Track(CertificateFactory.Create(algorithm, $"CN=Chargebox Test Root {tag}, O=Chargebox Test", null, CertificateRole.Authority, [], now.AddDays(-2), now.AddYears(2)));
        StationCa = Track(CertificateFactory.Create(algorithm, $"CN=Chargebox Test Station CA {tag}, O=Chargebox Test", Root, CertificateRole.Authority, [], now.AddDays(-2), now.AddYears(1)));
    }

    /// <summary>Makes a fresh PKI; every certificate is valid from two days before now (of <paramref name="timeProvider"/>).</summary>
    public static TestPki Create(TestKeyAlgorithm algorithm = TestKeyAlgorithm.EcdsaP256, TimeProvider? timeProvider = null) =>
        new(algorithm, timeProvider ?? TimeProvider.System);

    /// <summary>The root CA, with its private key.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The sub-CA that signs station certificates, with its private key.</summary>
    public X509Certificate2 StationCa { get; }

    /// <summary>The trust anchors to give the station and the CSMS (the root, without its key).</summary>
    public X509Certificate2Collection RootCertificates => [X509CertificateLoader.LoadCertificate(Root.RawData)];

    /// <summary>The intermediates a station sends with its certificate (the station sub-CA, without its key).</summary>
    public X509Certificate2Collection StationCertificateChain => [X509CertificateLoader.LoadCertificate(StationCa.RawData)];

    /// <summary>A CSMS server certificate for the given hosts (IP addresses or DNS names), by default 127.0.0.1 and localhost.</summary>
    public X509Certificate2 IssueServerCertificate(params string[] hosts) =>
        IssueServer(hosts.Length > 0 ? hosts : ["127.0.0.1", "localhost"], validFromDays: -1, validToDays: 30);

    /// <summary>A server certificate for 127.0.0.1 and localhost issued by another root (e.g. from <see cref="CreateRoot"/>).</summary>
    public X509Certificate2 IssueServerCertificateFrom(X509Certificate2 root)
    {
        var now = _timeProvider.GetUtcNow();
        return Track(CertificateFactory.Create(_algorithm, "CN=127.0.0.1, O=Chargebox Test CSMS 2", root, CertificateRole.Server, ["127.0.0.1", "localhost"], now.AddDays(-1), now.AddDays(30)));
    }

    /// <summary>A server certificate for 127.0.0.1 and localhost whose validity ended yesterday.</summary>
    public X509Certificate2 IssueExpiredServerCertificate() => IssueServer(["127.0.0.1", "localhost"], validFromDays: -30, validToDays: -1);

    /// <summary>A server certificate from the trusted root, but for another host.</summary>
    public X509Certificate2 IssueWrongHostServerCertificate() => IssueServer(["csms.example.invalid"], validFromDays: -1, validToDays: 30);

    /// <summary>A server certificate for 127.0.0.1 and localhost that signs itself: no chain to the root.</summary>
    public X509Certificate2 CreateSelfSignedServerCertificate()
    {
        var now = _timeProvider.GetUtcNow();
        return Track(CertificateFactory.Create(_algorithm, "CN=Untrusted CSMS", null, CertificateRole.Server, ["127.0.0.1", "localhost"], now.AddDays(-1), now.AddDays(30)));
    }

    /// <summary>A ChargingStationCertificate: CN = identity, O = organisation (A00.FR.4xx), signed by the station sub-CA.</summary>
    public X509Certificate2 IssueStationCertificate(string stationIdentity, string organization = StationOrganization)
    {
        var now = _timeProvider.GetUtcNow();
        return Track(CertificateFactory.Create(_algorithm, $"CN={stationIdentity}, O={organization}", StationCa, CertificateRole.Client, [], now.AddDays(-1), now.AddDays(30)));
    }

    /// <summary>A ChargingStationCertificate issued by the root itself, for a station given no intermediates.</summary>
    public X509Certificate2 IssueStationCertificateFromRoot(string stationIdentity, string organization = StationOrganization)
    {
        var now = _timeProvider.GetUtcNow();
        return Track(CertificateFactory.Create(_algorithm, $"CN={stationIdentity}, O={organization}", Root, CertificateRole.Client, [], now.AddDays(-1), now.AddDays(30)));
    }

    /// <summary>A station certificate that signs itself, for a CSMS that must refuse it.</summary>
    public X509Certificate2 CreateSelfSignedStationCertificate(string stationIdentity)
    {
        var now = _timeProvider.GetUtcNow();
        return Track(CertificateFactory.Create(_algorithm, $"CN={stationIdentity}, O={StationOrganization}", null, CertificateRole.Client, [], now.AddDays(-1), now.AddDays(30)));
    }

    /// <summary>Checks that <paramref name="certificate"/> chains to <see cref="Root"/> through the given intermediates
    /// only (the station sub-CA is not assumed, so a station that forgets to send it fails).</summary>
    public bool ChainsToRoot(X509Certificate2 certificate, IEnumerable<X509Certificate2>? intermediates = null)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _timeProvider.GetUtcNow().UtcDateTime;
        foreach (var intermediate in intermediates ?? [])
        {
            chain.ChainPolicy.ExtraStore.Add(intermediate);
        }

        return chain.Build(certificate);
    }

    /// <summary>Another self-signed root CA (the OCTT's "CSMS Root certificate 2"), valid from two days ago for two years.</summary>
    public X509Certificate2 CreateRoot(string name)
    {
        var now = _timeProvider.GetUtcNow();
        return Track(CertificateFactory.Create(_algorithm, $"CN={name}, O=Chargebox Test", null, CertificateRole.Authority, [], now.AddDays(-2), now.AddYears(2)));
    }

    /// <summary>A self-signed root CA whose validity ended yesterday (the OCTT's "Generated Expired Certificate").</summary>
    public X509Certificate2 CreateExpiredRoot()
    {
        var now = _timeProvider.GetUtcNow();
        return Track(CertificateFactory.Create(_algorithm, "CN=Chargebox Expired Root, O=Chargebox Test", null, CertificateRole.Authority, [], now.AddDays(-30), now.AddDays(-1)));
    }

    /// <summary>Signs a station's CSR as the CSMS would (A02): a client certificate for the CSR's key and subject
    /// (or <paramref name="subject"/>), issued by <paramref name="issuer"/> (default: the station sub-CA).
    /// Returns the PEM certificateChain of CertificateSigned: the leaf, then the sub-CA when it issued it.</summary>
    public string SignCsr(string csrPem, string? subject = null, X509Certificate2? issuer = null, int validFromDays = -1, int validToDays = 30)
    {
        issuer ??= StationCa;
        var csr = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        var request = new CertificateRequest(subject is null ? csr.SubjectName : new X500DistinguishedName(subject), csr.PublicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var now = _timeProvider.GetUtcNow();
        using var leaf = request.Create(issuer, now.AddDays(validFromDays), now.AddDays(validToDays), RandomNumberGenerator.GetBytes(12));
        return ReferenceEquals(issuer, StationCa) ? Pem(leaf, StationCa) : Pem(leaf);
    }

    /// <summary>The certificates (without keys) as PEM blocks, one after the other.</summary>
    public static string Pem(params X509Certificate2[] certificates) =>
        string.Concat(certificates.Select(c => PemEncoding.WriteString("CERTIFICATE", c.RawData) + "\n"));

    public void Dispose()
    {
        foreach (var certificate in _issued)
        {
            certificate.Dispose();
        }

        _issued.Clear();
    }

    private X509Certificate2 IssueServer(string[] hosts, int validFromDays, int validToDays)
    {
        var now = _timeProvider.GetUtcNow();
        return Track(CertificateFactory.Create(_algorithm, $"CN={hosts[0]}, O=Chargebox Test CSMS", Root, CertificateRole.Server, hosts, now.AddDays(validFromDays), now.AddDays(validToDays)));
    }

    private X509Certificate2 Track(X509Certificate2 certificate)
    {
        _issued.Add(certificate);
        return certificate;
    }
}
