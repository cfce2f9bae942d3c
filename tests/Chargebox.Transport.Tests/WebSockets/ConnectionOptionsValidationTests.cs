using System.Security.Authentication;
using Chargebox.Transport.WebSockets;

namespace Chargebox.Transport.Tests.WebSockets;

public sealed class ConnectionOptionsValidationTests
{
    private static ConnectionOptions Options(string url, OcppSecurityProfile profile, string? password = "0123456789abcdef", string identity = "CS001") => new()
    {
        CsmsUrl = new Uri(url),
        StationIdentity = identity,
        SecurityProfile = profile,
        BasicAuthPassword = password,
        CsmsRootCertificates = [],
        UseSystemTrustStore = true,
    };

    public static TheoryData<ConnectionOptions, string> Wrong => new()
    {
        { Options("wss://csms/ocpp", OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication), "needs a ws:// URL" },
        { Options("ws://csms/ocpp", OcppSecurityProfile.TlsWithBasicAuthentication), "needs a wss:// URL" },
        { Options("ws://csms/ocpp", OcppSecurityProfile.TlsWithClientSideCertificates), "needs a wss:// URL" },
        { Options("https://csms/ocpp", OcppSecurityProfile.TlsWithBasicAuthentication), "must start with ws:// or wss://" },
        { Options("wss://csms/ocpp", OcppSecurityProfile.TlsWithBasicAuthentication, password: null), "needs a BasicAuthPassword" },
        { Options("wss://csms/ocpp", OcppSecurityProfile.TlsWithClientSideCertificates), "needs a client certificate" },
        { Options("ws://csms/ocpp", OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication, identity: "CS:1"), "must not contain ':'" },
        { Options("ws://csms/ocpp", OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication, identity: new string('x', 49)), "1 to 48 characters" },
        { Options("ws://csms/ocpp", (OcppSecurityProfile)0), "does not exist" },
    };

    [Theory]
    [MemberData(nameof(Wrong))]
    public async Task Contradictory_options_fail_before_any_network_use_with_a_clear_message(ConnectionOptions options, string expected)
    {
        var error = await Assert.ThrowsAsync<OcppConnectException>(() => new OcppWebSocketConnector().ConnectAsync(options, CancellationToken.None));
        Assert.Equal(OcppConnectFailure.InvalidConfiguration, error.Failure);
        Assert.Contains(expected, error.Message);
    }

#pragma warning disable SYSLIB0039 // the obsolete version is the point of the test
    [Theory]
    [InlineData(SslProtocols.Tls11)]
    [InlineData(SslProtocols.Tls11 | SslProtocols.Tls12)]
    [InlineData(SslProtocols.None)]
#pragma warning restore SYSLIB0039
    public async Task TLS_versions_below_1_2_are_never_enabled(SslProtocols versions)
    {
        var options = new ConnectionOptions
        {
            CsmsUrl = new Uri("wss://csms/ocpp"),
            StationIdentity = "CS001",
            SecurityProfile = OcppSecurityProfile.TlsWithBasicAuthentication,
            BasicAuthPassword = "0123456789abcdef",
            UseSystemTrustStore = true,
            TlsVersions = versions,
        };
        var error = await Assert.ThrowsAsync<OcppConnectException>(() => new OcppWebSocketConnector().ConnectAsync(options, CancellationToken.None));
        Assert.Equal(OcppConnectFailure.InvalidConfiguration, error.Failure);
    }

    [Fact]
    public async Task TLS_without_any_trust_anchor_is_refused()
    {
        var options = Options("wss://csms/ocpp", OcppSecurityProfile.TlsWithBasicAuthentication);
        options = new ConnectionOptions
        {
            CsmsUrl = options.CsmsUrl,
            StationIdentity = options.StationIdentity,
            SecurityProfile = options.SecurityProfile,
            BasicAuthPassword = options.BasicAuthPassword,
        };
        var error = await Assert.ThrowsAsync<OcppConnectException>(() => new OcppWebSocketConnector().ConnectAsync(options, CancellationToken.None));
        Assert.Contains("No CSMS root certificate", error.Message);
    }
}
