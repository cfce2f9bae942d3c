using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chargebox.Testing.Csms;

/// <summary>An in-process CSMS on 127.0.0.1 (Kestrel, a free port) that stations connect to over real sockets,
/// plain or TLS, with the credentials checks of security profiles 1 to 3. Each accepted station becomes a
/// <see cref="TestStationConnection"/> that a test scripts.</summary>
public sealed class TestCsms : IAsyncDisposable
{
    /// <summary>The WebSocket subprotocol of OCPP 2.0.1.</summary>
    public const string SubProtocol = "ocpp2.0.1";

    private readonly TestCsmsOptions _options;
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Channel<TestStationConnection>> _arrivals = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<CsmsConnectionAttempt> _attempts = new();
    private readonly ConcurrentQueue<TestStationConnection> _connections = new();

    private TestCsms(TestCsmsOptions options)
    {
        _options = options;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (options.ServerCertificate is not null)
            {
                listen.UseHttps(ConfigureHttps);
            }
        }));
        _app = builder.Build();
        _app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = options.WebSocketPingInterval });
        _app.Run(HandleAsync);
    }

    /// <summary>The OCPP-J endpoint (ws:// or wss://127.0.0.1:port/ocpp) that stations append their identity to.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every upgrade request so far, accepted or refused.</summary>
    public IReadOnlyList<CsmsConnectionAttempt> ConnectionAttempts => [.. _attempts];

    public static async Task<TestCsms> StartAsync(TestCsmsOptions? options = null, CancellationToken cancellationToken = default)
    {
        var csms = new TestCsms(options ?? new TestCsmsOptions());
        await csms._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = csms._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var port = new Uri(address).Port;
        var scheme = csms._options.ServerCertificate is null ? "ws" : "wss";
        csms.Url = new Uri($"{scheme}://127.0.0.1:{port}{csms._options.PathPrefix}");
        return csms;
    }

    /// <summary>Waits for the next connection of <paramref name="identity"/> not handed out before (so after a
    /// reconnect the second call returns the new connection).</summary>
    public async Task<TestStationConnection> WaitForConnectionAsync(string identity, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Arrivals(identity).Reader.ReadAsync(cancellationToken).AsTask().WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var attempts = string.Join("; ", _attempts.Where(a => a.Identity == identity).Select(a => $"HTTP {a.StatusCode}"));
            throw new TimeoutException($"{identity} did not connect within {timeout.TotalSeconds:0.###} s (attempts: {(attempts.Length > 0 ? attempts : "none")}).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.AbortAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);

        // A test that let the station send a message breaking its schema fails here, whatever it asserted.
        var violations = _connections.SelectMany(c => c.SchemaViolations).ToList();
        if (violations.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"The station sent {violations.Count} message(s) that break the official OCPP 2.0.1 schemas:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }

    private Channel<TestStationConnection> Arrivals(string identity) =>
        _arrivals.GetOrAdd(identity, _ => Channel.CreateUnbounded<TestStationConnection>());

    private void ConfigureHttps(HttpsConnectionAdapterOptions https)
    {
        https.ServerCertificateChain = _options.ServerCertificateChain;
        https.ServerCertificate = _options.ServerCertificate;
        https.SslProtocols = _options.TlsVersions;
        https.ClientCertificateMode = _options.ClientCertificateMode;
        https.ClientCertificateValidation = (certificate, chain, _) => ChainsToClientRoot(certificate, chain);
        if (_options.CipherSuites is { } suites)
        {
            if (OperatingSystem.IsWindows())
            {
                throw new PlatformNotSupportedException("Cipher suite lists are not supported on Windows.");
            }

            var policy = new CipherSuitesPolicy(suites);
            https.OnAuthenticate = (_, ssl) => ssl.CipherSuitesPolicy = policy;
        }
    }

    private bool ChainsToClientRoot(X509Certificate2 certificate, X509Chain? sentChain)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_options.ClientCertificateRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _options.TimeProvider.GetUtcNow().UtcDateTime;
        if (sentChain is not null)
        {
            foreach (var element in sentChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var path = context.Request.Path.Value ?? "";
        var identity = path[(path.LastIndexOf('/') + 1)..];
        var (user, password) = ReadBasicCredentials(context.Request.Headers.Authorization.ToString());
        var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted).ConfigureAwait(false);
        var requested = context.WebSockets.WebSocketRequestedProtocols.ToList();

        CsmsConnectionAttempt Attempt(int status, string? subProtocol) =>
            new(_options.TimeProvider.GetUtcNow(), identity, target, user, password, certificate, requested, status, subProtocol);

        if (!context.WebSockets.IsWebSocketRequest || !path.StartsWith(_options.PathPrefix + "/", StringComparison.Ordinal) || identity.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            _attempts.Enqueue(Attempt(StatusCodes.Status404NotFound, null));
            return;
        }

        if (_options.BasicAuthPassword is { } expected && (user != identity || password != expected))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"OCPP\"";
            _attempts.Enqueue(Attempt(StatusCodes.Status401Unauthorized, null));
            return;
        }

        if (_options.RefuseSubprotocol || !requested.Contains(SubProtocol, StringComparer.Ordinal))
        {
            // Part 4, 4.1.2: complete the handshake without a subprotocol, then close at once.
            _attempts.Enqueue(Attempt(StatusCodes.Status101SwitchingProtocols, null));
            using var refused = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext()).ConfigureAwait(false);
            await refused.CloseOutputAsync(WebSocketCloseStatus.ProtocolError, "subprotocol not supported", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var attempt = Attempt(StatusCodes.Status101SwitchingProtocols, SubProtocol);
        _attempts.Enqueue(attempt);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = SubProtocol }).ConfigureAwait(false);
        var connection = new TestStationConnection(socket, context, attempt, _options);
        _connections.Enqueue(connection);
        Arrivals(identity).Writer.TryWrite(connection);
        await connection.RunAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static (string? User, string? Password) ReadBasicCredentials(string header)
    {
        const string prefix = "Basic ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return (null, null);
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[prefix.Length..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (decoded, null) : (decoded[..colon], decoded[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
