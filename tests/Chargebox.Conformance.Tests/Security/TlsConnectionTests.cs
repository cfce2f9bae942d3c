using System.Net.Security;
using System.Security.Authentication;
using Chargebox.Conformance.Tests.Harness;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Security;
using Chargebox.Testing.Csms;
using Chargebox.Testing.Pki;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Conformance.Tests.Security;

/// <summary>A00: the station's connection with security profiles 1 to 3 (Part 6, TC_A_01 to TC_A_07), over
/// real TLS with a test PKI made for each case.</summary>
public sealed class TlsConnectionTests : IDisposable
{
    private readonly TestPki _pki = StationUnderTest.CreatePki();

    [Fact]
    public async Task TC_A_01_CS()
    {
        // 1. Booted, security profile 1.
        await using var sut = await StationUnderTest.StartBootedAsync();

        // Step 1: Basic <identity>:<configured password>; the user is the identity at the end of the URL;
        // the password has 16 to 40 characters of the allowed set.
        var attempt = sut.Connection.Attempt;
        Assert.Equal(StationUnderTest.Identity, attempt.BasicAuthUser);
        Assert.EndsWith($"/{attempt.BasicAuthUser}", attempt.RequestTarget, StringComparison.Ordinal);
        Assert.InRange(attempt.BasicAuthPassword!.Length, 16, 40);
        Assert.All(attempt.BasicAuthPassword, c => Assert.True(char.IsAsciiLetterOrDigit(c) || "*-_=:+|@.".Contains(c)));
    }

    [Theory]
    [InlineData(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256)]
    [InlineData(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384)]
    public async Task TC_A_04_CS(TlsCipherSuite suite)
    {
        // Step 2 validations: TLS 1.2 and each of the required cipher suites is enough for the station; the
        // CSMS offers only that one suite, over TLS 1.2.
        var profile2 = StationUnderTest.SecurityProfile(_pki, 2);
        var setup = profile2 with { Csms = options => profile2.Csms(options) with { TlsVersions = SslProtocols.Tls12, CipherSuites = [suite] } };

        // 1-10. TLS handshake with the configured server certificate, upgrade with Basic credentials, Booted.
        await using var sut = await StationUnderTest.StartBootedAsync(setup);

        Assert.Equal("wss", sut.Csms.Url.Scheme);
        Assert.Equal(StationUnderTest.Identity, sut.Connection.Attempt.BasicAuthUser);
        Assert.NotNull(sut.Connection.Attempt.BasicAuthPassword);
        await sut.ExpectSecurityEventAsync(SecurityEventType.StartupOfTheDevice);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("not signed by the installed CSMS root")]
    [InlineData("commonName not the CSMS's host")]
    public async Task TC_A_05_CS(string invalidCertificate)
    {
        var diversion = new CsmsDiversion();
        await using var impostor = await TestCsms.StartAsync(new TestCsmsOptions { ServerCertificate = InvalidServerCertificate(invalidCertificate) });
        diversion.Target = impostor.Url;

        // 1-3. The OCTT presents an invalid server certificate; the station terminates the connection.
        await using var sut = await StationUnderTest.StartWithoutConnectionAsync(StationUnderTest.SecurityProfile(_pki, 2, diversion));
        await diversion.WhenAttempts(1).WaitAsync(StationUnderTest.Timeout);
        await sut.FirstBackOffArmed.WaitAsync(StationUnderTest.Timeout);
        var refused = Assert.IsType<OcppConnectException>(diversion.Outcomes[0]);
        Assert.Equal(OcppConnectFailure.InvalidCsmsCertificate, refused.Failure);
        Assert.Empty(impostor.ConnectionAttempts);

        // 4-13. With the configured certificate the station connects and boots.
        diversion.Target = null;
        sut.Time.Advance(StationUnderTest.SecurityBackOff);
        await sut.NextConnectionAsync();
        await sut.AcceptBootAsync();

        // 14-15. Step 14: type InvalidCsmsCertificate.
        var notification = await sut.ExpectSecurityEventAsync(SecurityEventType.InvalidCsmsCertificate);
        Assert.Equal(sut.Time.GetUtcNow() - StationUnderTest.SecurityBackOff, notification.Timestamp);
    }

    [Fact]
    public async Task TC_A_06_CS()
    {
        var diversion = new CsmsDiversion();
        await using var impostor = await TestCsms.StartAsync(new TestCsmsOptions
        {
            ServerCertificate = _pki.IssueServerCertificate(),
#pragma warning disable SYSLIB0039 // TLS 1.1 on purpose: the OCTT's version below 1.2.
            TlsVersions = SslProtocols.Tls11,
#pragma warning restore SYSLIB0039
        });
        diversion.Target = impostor.Url;

        // 1-3. The OCTT answers with TLS lower than 1.2; the station terminates the connection.
        await using var sut = await StationUnderTest.StartWithoutConnectionAsync(StationUnderTest.SecurityProfile(_pki, 2, diversion));
        await diversion.WhenAttempts(1).WaitAsync(StationUnderTest.Timeout);
        await sut.FirstBackOffArmed.WaitAsync(StationUnderTest.Timeout);
        var refused = Assert.IsType<OcppConnectException>(diversion.Outcomes[0]);
        Assert.Empty(impostor.ConnectionAttempts);

        // 4-13. With TLS 1.2 or above the station connects and boots.
        diversion.Target = null;
        sut.Time.Advance(StationUnderTest.SecurityBackOff);
        await sut.NextConnectionAsync();
        await sut.AcceptBootAsync();

        // 14-15. Step 14: StartupOfTheDevice or ResetOrReboot. 16-17 are optional (the station may not tell a
        // version mismatch from another handshake failure); when it did, step 16: InvalidTLSVersion.
        await sut.ExpectSecurityEventAsync(SecurityEventType.StartupOfTheDevice);
        if (refused.Failure == OcppConnectFailure.InvalidTlsVersion)
        {
            await sut.ExpectSecurityEventAsync(SecurityEventType.InvalidTlsVersion);
        }
        else
        {
            Assert.Equal(OcppConnectFailure.TlsHandshakeFailed, refused.Failure);
        }
    }

    [Fact]
    public async Task TC_A_07_CS()
    {
        // 1-10. TLS with the station's client certificate, Booted.
        await using var sut = await StationUnderTest.StartBootedAsync(StationUnderTest.SecurityProfile(_pki, 3));

        // Step 4: a client certificate with a serial number whose subject's commonName is the station's
        // identity (its unique serial number); no Basic credentials with profile 3.
        var certificate = sut.Connection.Attempt.ClientCertificate;
        Assert.NotNull(certificate);
        Assert.NotEmpty(certificate.SerialNumber);
        Assert.Equal(StationUnderTest.Identity, certificate.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, forIssuer: false));
        Assert.Null(sut.Connection.Attempt.BasicAuthPassword);
        var profile = await sut.GetVariableAsync("SecurityCtrlr", "SecurityProfile");
        Assert.Equal("3", profile.AttributeValue);
    }

    public void Dispose() => _pki.Dispose();

    private System.Security.Cryptography.X509Certificates.X509Certificate2 InvalidServerCertificate(string kind) => kind switch
    {
        "expired" => _pki.IssueExpiredServerCertificate(),
        "not signed by the installed CSMS root" => _pki.CreateSelfSignedServerCertificate(),
        _ => _pki.IssueWrongHostServerCertificate(),
    };
}
