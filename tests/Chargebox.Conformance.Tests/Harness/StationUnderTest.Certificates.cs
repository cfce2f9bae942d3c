using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Chargebox.Protocol.Messages;
using Chargebox.Testing.Csms;
using Chargebox.Testing.Pki;
using Chargebox.Transport.WebSockets;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Time.Testing;

namespace Chargebox.Conformance.Tests.Harness;

/// <summary>Certificates (blocks A and M): the test PKI on the station's fake clock, the TLS setups of security
/// profiles 2 and 3, and the reusable and memory states GetInstalledCertificates, CertificateInstalled and
/// RenewChargingStationCertificate with their tool validations.</summary>
internal sealed partial class StationUnderTest
{
    // The instant the station's fake clock starts at (StartAsync): certificates are made valid around it, since
    // the station and the test CSMS both check validity on that clock.
    private static readonly DateTimeOffset CertificateTime = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A throw-away PKI whose certificates are valid on the station's fake clock.</summary>
    public static TestPki CreatePki() => TestPki.Create(TestKeyAlgorithm.EcdsaP256, new FakeTimeProvider(CertificateTime));

    /// <summary>Security profile 2: wss with a server certificate from <paramref name="pki"/>'s root, which the
    /// station is installed with as its CSMSRootCertificate.</summary>
    public static StationUnderTestSetup SecurityProfile2(TestPki pki)
    {
        var server = pki.IssueServerCertificate();
        return new StationUnderTestSetup
        {
            Csms = options => options with { ServerCertificate = server },
            Station = options => options with { SecurityProfile = OcppSecurityProfile.TlsWithBasicAuthentication, CsmsRootCertificates = pki.RootCertificates },
        };
    }

    /// <summary>Security profile 3: as profile 2, and the CSMS requires a client certificate chaining to the
    /// root; the station is installed with one (CN = identity) issued by the root itself, since the station's
    /// options carry no intermediates.</summary>
    public static StationUnderTestSetup SecurityProfile3(TestPki pki)
    {
        var server = pki.IssueServerCertificate();
        var client = pki.IssueStationCertificateFromRoot(Identity);
        return new StationUnderTestSetup
        {
            Csms = options => options with
            {
                ServerCertificate = server,
                // Profile 3 authenticates with the certificate only: no Basic credentials are sent.
                BasicAuthPassword = null,
                ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                ClientCertificateRoots = pki.RootCertificates,
            },
            Station = options => options with
            {
                SecurityProfile = OcppSecurityProfile.TlsWithClientSideCertificates,
                CsmsRootCertificates = pki.RootCertificates,
                ClientCertificate = client,
            },
        };
    }

    /// <summary>A second test CSMS (the OCTT's "new CSMS") like the first, but on wss with
    /// <paramref name="serverCertificate"/>.</summary>
    public Task<TestCsms> StartOtherCsmsAsync(X509Certificate2 serverCertificate) =>
        TestCsms.StartAsync(Setup.Csms(new TestCsmsOptions
        {
            BasicAuthPassword = Password,
            TimeProvider = Time,
            AutoReplies = AutoRepliesWithoutBoot(),
        }) with { ServerCertificate = serverCertificate });

    /// <summary>Waits for the station's next connection to <paramref name="csms"/> and makes it <see cref="Connection"/>.</summary>
    public async Task<TestStationConnection> NextConnectionAsync(TestCsms csms)
    {
        var connection = await csms.WaitForConnectionAsync(Identity, Timeout);
        lock (_gate)
        {
            _connections.Add(connection);
        }

        Connection = connection;
        return connection;
    }

    /// <summary>Memory state CertificateInstalled: InstallCertificate; step 2 status Accepted.</summary>
    public async Task CertificateInstalledAsync(InstallCertificateUseEnumType type, X509Certificate2 certificate)
    {
        var response = await InstallCertificateAsync(type, certificate);
        Assert.Equal(InstallCertificateStatusEnumType.Accepted, response.Status);
    }

    public Task<InstallCertificateResponse> InstallCertificateAsync(InstallCertificateUseEnumType type, X509Certificate2 certificate) =>
        Connection.CallAsync(new InstallCertificateRequest { CertificateType = type, Certificate = TestPki.Pem(certificate) }, Timeout);

    /// <summary>GetInstalledCertificateIds for the given types (none: certificateType omitted).</summary>
    public Task<GetInstalledCertificateIdsResponse> GetInstalledCertificateIdsAsync(params GetCertificateIdUseEnumType[] types) =>
        Connection.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = types.Length == 0 ? null : types }, Timeout);

    /// <summary>Reusable state GetInstalledCertificates: step 2 status Accepted, and an entry of the type with the
    /// hash data of each expected certificate (order does not matter).</summary>
    public async Task<GetInstalledCertificateIdsResponse> GetInstalledCertificatesAsync(GetCertificateIdUseEnumType[] types, params (GetCertificateIdUseEnumType Type, X509Certificate2 Certificate)[] expected)
    {
        var response = await GetInstalledCertificateIdsAsync(types);
        Assert.Equal(GetInstalledCertificateStatusEnumType.Accepted, response.Status);
        foreach (var (type, certificate) in expected)
        {
            Assert.Contains(response.CertificateHashDataChain!, entry => entry.CertificateType == type && SameHashData(HashDataOf(certificate, certificate), entry.CertificateHashData));
        }

        return response;
    }

    /// <summary>certificateHashData as the OCTT computes it (SHA256): issuer name DER, issuer public key bits,
    /// serial number in hexadecimal without leading zeros.</summary>
    public static CertificateHashDataType HashDataOf(X509Certificate2 certificate, X509Certificate2 issuer) => new()
    {
        HashAlgorithm = HashAlgorithmEnumType.SHA256,
        IssuerNameHash = Convert.ToHexStringLower(SHA256.HashData(certificate.IssuerName.RawData)),
        IssuerKeyHash = Convert.ToHexStringLower(SHA256.HashData(issuer.PublicKey.EncodedKeyValue.RawData)),
        SerialNumber = certificate.SerialNumber.TrimStart('0').ToLowerInvariant(),
    };

    public static bool SameHashData(CertificateHashDataType expected, CertificateHashDataType actual) =>
        expected.HashAlgorithm == actual.HashAlgorithm
        && expected.IssuerNameHash.Equals(actual.IssuerNameHash, StringComparison.OrdinalIgnoreCase)
        && expected.IssuerKeyHash.Equals(actual.IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
        && expected.SerialNumber.TrimStart('0').Equals(actual.SerialNumber.TrimStart('0'), StringComparison.OrdinalIgnoreCase);

    /// <summary>Steps 1 to 4 of RenewChargingStationCertificate: TriggerMessage SignChargingStationCertificate
    /// (step 2 Accepted), then the SignCertificateRequest (step 3: a valid CSR), answered with
    /// <paramref name="signStatus"/>. Returns the CSR.</summary>
    public async Task<string> TriggerSignCertificateAsync(GenericStatusEnumType signStatus = GenericStatusEnumType.Accepted)
    {
        var trigger = await Connection.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTriggerEnumType.SignChargingStationCertificate }, Timeout);
        Assert.Equal(TriggerMessageStatusEnumType.Accepted, trigger.Status);

        var sign = await Connection.ExpectCallAsync<SignCertificateRequest>(Timeout);
        AssertValidCsr(sign.Request.Csr);
        await Connection.ReplyAsync(sign, new SignCertificateResponse { Status = signStatus });
        return sign.Request.Csr;
    }

    /// <summary>Memory state RenewChargingStationCertificate: the CSR signed by the CSMS's PKI and sent back in
    /// CertificateSigned (step 6 Accepted). Returns the new certificate.</summary>
    public async Task<X509Certificate2> RenewChargingStationCertificateAsync(TestPki pki)
    {
        var csr = await TriggerSignCertificateAsync();
        var chain = pki.SignCsr(csr);
        var signed = await Connection.CallAsync(
            new CertificateSignedRequest { CertificateChain = chain, CertificateType = CertificateSigningUseEnumType.ChargingStationCertificate }, Timeout);
        Assert.Equal(CertificateSignedStatusEnumType.Accepted, signed.Status);
        return X509Certificate2.CreateFromPem(chain);
    }

    /// <summary>The CSR validation of the test cases: PKCS#10 in PEM (RFC 2986); an RSA key of at least 2048
    /// bits or an elliptic-curve key of at least 224 bits.</summary>
    public static void AssertValidCsr(string csr)
    {
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", csr.TrimStart(), StringComparison.Ordinal);
        var request = CertificateRequest.LoadSigningRequestPem(csr, HashAlgorithmName.SHA256);
        using var ec = request.PublicKey.GetECDsaPublicKey();
        using var rsa = request.PublicKey.GetRSAPublicKey();
        Assert.True(ec?.KeySize >= 224 || rsa?.KeySize >= 2048, "The CSR's key is too short.");
    }

    /// <summary>The OCTT drops the connection (errata 2025-02 of RenewChargingStationCertificate) and the station
    /// connects again after its back-off, which the test fixes at <paramref name="backOffSeconds"/>.</summary>
    public async Task DropAndReconnectAsync(int backOffSeconds = 7)
    {
        await ConfigureAsync("OCPPCommCtrlr", "RetryBackOffRandomRange", "0");
        await ConfigureAsync("OCPPCommCtrlr", "RetryBackOffWaitMinimum", $"{backOffSeconds}");
        var backOff = TimeSpan.FromSeconds(backOffSeconds);
        var armed = Time.NextTimer(backOff);
        await Connection.CloseAsync();
        await Connection.WaitForDisconnectAsync(Timeout);
        await armed.WaitAsync(Timeout);
        Time.Advance(backOff);
        await NextConnectionAsync();
    }
}
