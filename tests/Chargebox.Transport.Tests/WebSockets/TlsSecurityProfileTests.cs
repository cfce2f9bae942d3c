using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Chargebox.Testing.Csms;
using Chargebox.Testing.Pki;
using Chargebox.Transport.WebSockets;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using static Chargebox.Transport.Tests.WebSockets.TestStations;

namespace Chargebox.Transport.Tests.WebSockets;

public sealed class TlsSecurityProfileTests : IDisposable
{
    private readonly TestPki _pki = TestPki.Create();

    public void Dispose() => _pki.Dispose();

    private ConnectionOptions Profile2(TestCsms csms, SslProtocols versions = SslProtocols.Tls12 | SslProtocols.Tls13, IReadOnlyList<TlsCipherSuite>? suites = null) => new()
    {
        CsmsUrl = csms.Url,
        StationIdentity = Identity,
        SecurityProfile = OcppSecurityProfile.TlsWithBasicAuthentication,
        BasicAuthPassword = Password,
        CsmsRootCertificates = _pki.RootCertificates,
        TlsVersions = versions,
        CipherSuites = suites,
    };

    private ConnectionOptions Profile3(TestCsms csms, X509Certificate2 certificate, X509Certificate2Collection chain) => new()
    {
        CsmsUrl = csms.Url,
        StationIdentity = Identity,
        SecurityProfile = OcppSecurityProfile.TlsWithClientSideCertificates,
        CsmsRootCertificates = _pki.RootCertificates,
        ClientCertificate = certificate,
        ClientCertificateChain = chain,
    };

    private TestCsmsOptions Csms(X509Certificate2 serverCertificate, ClientCertificateMode clientCertificates = ClientCertificateMode.NoCertificate) => new()
    {
        ServerCertificate = serverCertificate,
        ClientCertificateMode = clientCertificates,
        ClientCertificateRoots = _pki.RootCertificates,
    };

    [Fact]
    public async Task Profile_2_connects_over_TLS_to_a_server_certificate_from_the_installed_root()
    {
        await using var csms = await TestCsms.StartAsync(Csms(_pki.IssueServerCertificate()));
        Assert.Equal("wss", csms.Url.Scheme);

        await using var channel = await new OcppWebSocketConnector().ConnectAsync(Profile2(csms), CancellationToken.None);
        var station = await csms.WaitForConnectionAsync(Identity, Patience);

        Assert.Equal(Password, station.Attempt.BasicAuthPassword);
    }

    [Fact]
    public async Task Profile_2_with_TLS_1_3_only_connects()
    {
        await using var csms = await TestCsms.StartAsync(Csms(_pki.IssueServerCertificate()));

        await using var channel = await new OcppWebSocketConnector().ConnectAsync(Profile2(csms, SslProtocols.Tls13), CancellationToken.None);
    }

    public static TheoryData<string> BadServerCertificates => ["untrusted", "expired", "wrong host"];

    [Theory]
    [MemberData(nameof(BadServerCertificates))]
    public async Task Profile_2_refuses_a_bad_server_certificate_as_InvalidCsmsCertificate(string kind)
    {
        var certificate = kind switch
        {
            "untrusted" => _pki.CreateSelfSignedServerCertificate(),
            "expired" => _pki.IssueExpiredServerCertificate(),
            _ => _pki.IssueWrongHostServerCertificate(),
        };
        await using var csms = await TestCsms.StartAsync(Csms(certificate));

        var error = await Assert.ThrowsAsync<OcppConnectException>(() => new OcppWebSocketConnector().ConnectAsync(Profile2(csms), CancellationToken.None));

        Assert.Equal(OcppConnectFailure.InvalidCsmsCertificate, error.Failure);
        Assert.Contains(certificate.Subject, error.Message);
        Assert.Empty(csms.ConnectionAttempts);
    }

    [Fact]
    public async Task Profile_2_refuses_a_certificate_of_another_root_even_if_otherwise_valid()
    {
        using var otherPki = TestPki.Create();
        await using var csms = await TestCsms.StartAsync(Csms(otherPki.IssueServerCertificate()));

        var error = await Assert.ThrowsAsync<OcppConnectException>(() => new OcppWebSocketConnector().ConnectAsync(Profile2(csms), CancellationToken.None));

        Assert.Equal(OcppConnectFailure.InvalidCsmsCertificate, error.Failure);
    }

    [Fact]
    public async Task Station_with_TLS_1_3_only_and_a_CSMS_with_TLS_1_2_only_fail_the_handshake()
    {
        await using var tls12Csms = await TestCsms.StartAsync(new TestCsmsOptions
        {
            ServerCertificate = _pki.IssueServerCertificate(),
            TlsVersions = SslProtocols.Tls12,
        });

        var error = await Assert.ThrowsAsync<OcppConnectException>(
            () => new OcppWebSocketConnector().ConnectAsync(Profile2(tls12Csms, SslProtocols.Tls13), CancellationToken.None));

        Assert.Contains(error.Failure, new[] { OcppConnectFailure.InvalidTlsVersion, OcppConnectFailure.TlsHandshakeFailed });
        Assert.Empty(tls12Csms.ConnectionAttempts);
    }

    [Fact]
    public async Task No_shared_cipher_suite_fails_the_handshake()
    {
        await using var csms = await TestCsms.StartAsync(new TestCsmsOptions
        {
            ServerCertificate = _pki.IssueServerCertificate(),
            TlsVersions = SslProtocols.Tls12,
            CipherSuites = [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384],
        });

        var error = await Assert.ThrowsAsync<OcppConnectException>(() => new OcppWebSocketConnector().ConnectAsync(
            Profile2(csms, SslProtocols.Tls12, [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]), CancellationToken.None));

        Assert.Contains(error.Failure, new[] { OcppConnectFailure.InvalidTlsCipherSuite, OcppConnectFailure.TlsHandshakeFailed });
    }

    [Fact]
    public async Task Profile_2_with_the_reference_stations_ECDSA_suite_connects()
    {
        await using var csms = await TestCsms.StartAsync(Csms(_pki.IssueServerCertificate()));

        await using var channel = await new OcppWebSocketConnector().ConnectAsync(
            Profile2(csms, SslProtocols.Tls12, [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]), CancellationToken.None);
    }

    [Fact]
    public async Task Profile_3_presents_the_station_certificate_with_its_intermediate()
    {
        await using var csms = await TestCsms.StartAsync(Csms(_pki.IssueServerCertificate(), ClientCertificateMode.RequireCertificate));
        var certificate = _pki.IssueStationCertificate(Identity);

        await using var channel = await new OcppWebSocketConnector().ConnectAsync(Profile3(csms, certificate, _pki.StationCertificateChain), CancellationToken.None);
        var station = await csms.WaitForConnectionAsync(Identity, Patience);

        Assert.Equal($"CN={Identity}, O={TestPki.StationOrganization}", station.Attempt.ClientCertificate?.Subject);
        Assert.Null(station.Attempt.BasicAuthUser);
    }

    [Fact]
    public async Task Profile_3_with_an_untrusted_station_certificate_is_refused()
    {
        await using var csms = await TestCsms.StartAsync(Csms(_pki.IssueServerCertificate(), ClientCertificateMode.RequireCertificate));
        var certificate = _pki.CreateSelfSignedStationCertificate(Identity);

        var error = await Assert.ThrowsAsync<OcppConnectException>(
            () => new OcppWebSocketConnector().ConnectAsync(Profile3(csms, certificate, []), CancellationToken.None));

        Assert.NotEqual(OcppConnectFailure.InvalidCsmsCertificate, error.Failure);
        Assert.Empty(csms.ConnectionAttempts);
    }

    [Fact]
    public async Task CSMS_that_requires_a_client_certificate_refuses_a_profile_2_station()
    {
        await using var csms = await TestCsms.StartAsync(Csms(_pki.IssueServerCertificate(), ClientCertificateMode.RequireCertificate));

        var error = await Assert.ThrowsAsync<OcppConnectException>(() => new OcppWebSocketConnector().ConnectAsync(Profile2(csms), CancellationToken.None));

        Assert.NotEqual(OcppConnectFailure.InvalidCsmsCertificate, error.Failure);
        Assert.Empty(csms.ConnectionAttempts);
    }

    [Fact]
    public async Task RSA_certificates_work_too()
    {
        using var rsaPki = TestPki.Create(TestKeyAlgorithm.Rsa2048);
        await using var csms = await TestCsms.StartAsync(new TestCsmsOptions
        {
            ServerCertificate = rsaPki.IssueServerCertificate(),
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateRoots = rsaPki.RootCertificates,
        });

        await using var channel = await new OcppWebSocketConnector().ConnectAsync(new ConnectionOptions
        {
            CsmsUrl = csms.Url,
            StationIdentity = Identity,
            SecurityProfile = OcppSecurityProfile.TlsWithClientSideCertificates,
            CsmsRootCertificates = rsaPki.RootCertificates,
            ClientCertificate = rsaPki.IssueStationCertificate(Identity),
            ClientCertificateChain = rsaPki.StationCertificateChain,
        }, CancellationToken.None);
    }
}
