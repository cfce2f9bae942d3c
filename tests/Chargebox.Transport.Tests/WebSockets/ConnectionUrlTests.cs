using Chargebox.Transport.WebSockets;

namespace Chargebox.Transport.Tests.WebSockets;

public sealed class ConnectionUrlTests
{
    [Theory]
    [InlineData("ws://csms.example.com/ocpp", "CS001", "ws://csms.example.com/ocpp/CS001")]
    [InlineData("ws://csms.example.com/ocpp/", "CS001", "ws://csms.example.com/ocpp/CS001")]
    [InlineData("wss://csms.example.com/ocppj", "RDAM 123", "wss://csms.example.com/ocppj/RDAM%20123")]
    [InlineData("wss://csms.example.com", "CS/1", "wss://csms.example.com/CS%2F1")]
    [InlineData("ws://csms.example.com:8080/a/b?tenant=7", "CS001", "ws://csms.example.com:8080/a/b/CS001?tenant=7")]
    public void Identity_is_appended_to_the_endpoint_path_percent_encoded(string endpoint, string identity, string expected)
    {
        Assert.Equal(expected, ConnectionUrl.For(new Uri(endpoint), identity).AbsoluteUri);
    }
}
