using Chargebox.Testing.Csms;
using Chargebox.Transport.WebSockets;
using static Chargebox.Transport.Tests.WebSockets.TestStations;

namespace Chargebox.Transport.Tests.WebSockets;

public sealed class SecurityProfile1Tests
{
    [Fact]
    public async Task Profile_1_connects_with_Basic_authentication_user_identity_and_the_password()
    {
        await using var csms = await TestCsms.StartAsync(new TestCsmsOptions { BasicAuthPassword = Password });

        await using var channel = await new OcppWebSocketConnector().ConnectAsync(Profile1(csms), CancellationToken.None);
        var station = await csms.WaitForConnectionAsync(Identity, Patience);

        Assert.Equal(Identity, station.Attempt.BasicAuthUser);
        Assert.Equal(Password, station.Attempt.BasicAuthPassword);
        Assert.Equal("/ocpp/CS001", station.Attempt.RequestTarget);
        Assert.Equal(["ocpp2.0.1"], station.Attempt.RequestedSubProtocols);
        Assert.Equal("ocpp2.0.1", station.Attempt.AcceptedSubProtocol);
    }

    [Fact]
    public async Task Wrong_password_is_reported_as_unauthorized()
    {
        await using var csms = await TestCsms.StartAsync(new TestCsmsOptions { BasicAuthPassword = Password });

        var error = await Assert.ThrowsAsync<OcppConnectException>(
            () => new OcppWebSocketConnector().ConnectAsync(Profile1(csms, "wrong-password-0000"), CancellationToken.None));

        Assert.Equal(OcppConnectFailure.Unauthorized, error.Failure);
        Assert.Equal(401, error.HttpStatusCode);
        Assert.Contains("HTTP 401", error.Message);
        Assert.DoesNotContain("wrong-password-0000", error.Message);
        Assert.Equal(401, Assert.Single(csms.ConnectionAttempts).StatusCode);
    }

    [Fact]
    public async Task Identity_with_a_space_is_percent_encoded_in_the_URL()
    {
        await using var csms = await TestCsms.StartAsync();
        var options = new ConnectionOptions
        {
            CsmsUrl = new Uri(csms.Url + "/"),
            StationIdentity = "RDAM 123",
            SecurityProfile = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication,
            BasicAuthPassword = Password,
        };

        await using var channel = await new OcppWebSocketConnector().ConnectAsync(options, CancellationToken.None);
        var station = await csms.WaitForConnectionAsync("RDAM 123", Patience);

        Assert.Equal("/ocpp/RDAM%20123", station.Attempt.RequestTarget);
        Assert.Equal("RDAM 123", station.Attempt.BasicAuthUser);
    }

    [Fact]
    public async Task CSMS_that_does_not_select_ocpp2_0_1_gives_a_subprotocol_error()
    {
        await using var csms = await TestCsms.StartAsync(new TestCsmsOptions { RefuseSubprotocol = true });

        var error = await Assert.ThrowsAsync<OcppConnectException>(
            () => new OcppWebSocketConnector().ConnectAsync(Profile1(csms), CancellationToken.None));

        Assert.Equal(OcppConnectFailure.SubprotocolNotAccepted, error.Failure);
        Assert.Contains("ocpp2.0.1", error.Message);
    }

    [Fact]
    public async Task Unknown_path_is_reported_as_an_HTTP_rejection()
    {
        await using var csms = await TestCsms.StartAsync();
        var options = Profile1(csms);
        options = new ConnectionOptions
        {
            CsmsUrl = new Uri($"ws://127.0.0.1:{csms.Url.Port}/elsewhere"),
            StationIdentity = options.StationIdentity,
            SecurityProfile = options.SecurityProfile,
            BasicAuthPassword = options.BasicAuthPassword,
        };

        var error = await Assert.ThrowsAsync<OcppConnectException>(() => new OcppWebSocketConnector().ConnectAsync(options, CancellationToken.None));

        Assert.Equal(OcppConnectFailure.HttpRejected, error.Failure);
        Assert.Equal(404, error.HttpStatusCode);
    }

    [Fact]
    public async Task Nobody_listening_is_reported_as_unreachable()
    {
        int port;
        await using (var csms = await TestCsms.StartAsync())
        {
            port = csms.Url.Port;
        }

        var options = new ConnectionOptions
        {
            CsmsUrl = new Uri($"ws://127.0.0.1:{port}/ocpp"),
            StationIdentity = Identity,
            SecurityProfile = OcppSecurityProfile.UnsecuredTransportWithBasicAuthentication,
            BasicAuthPassword = Password,
        };

        var error = await Assert.ThrowsAsync<OcppConnectException>(() => new OcppWebSocketConnector().ConnectAsync(options, CancellationToken.None));

        Assert.Equal(OcppConnectFailure.Unreachable, error.Failure);
    }
}
