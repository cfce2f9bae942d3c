using System.Net.Http;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chargebox.Transport.WebSockets;

/// <summary>Opens the WebSocket connection from a Charging Station to its CSMS with one of the three security
/// profiles, and hands back an <see cref="IOcppChannel"/> that carries OCPP-J text frames.</summary>
public sealed partial class OcppWebSocketConnector
{
    /// <summary>The WebSocket subprotocol of OCPP 2.0.1 (Part 4, 4.1.2).</summary>
    public const string SubProtocol = "ocpp2.0.1";

    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;

    public OcppWebSocketConnector(ILoggerFactory? loggerFactory = null)
    {
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<OcppWebSocketConnector>();
    }

    /// <summary>Connects to <c>CsmsUrl/StationIdentity</c> and negotiates <c>ocpp2.0.1</c>.</summary>
    /// <exception cref="OcppConnectException">The options are wrong, or the CSMS could not be reached, refused
    /// the station, failed TLS, or did not accept the subprotocol; <see cref="OcppConnectException.Failure"/> says which.</exception>
    public async Task<IOcppChannel> ConnectAsync(ConnectionOptions options, CancellationToken cancellationToken)
    {
        ConnectionOptionsValidation.Validate(options);
        var url = ConnectionUrl.For(options.CsmsUrl, options.StationIdentity);
        var validator = new CsmsCertificateValidator(options.CsmsRootCertificates, options.UseSystemTrustStore, options.TimeProvider);
        var invoker = new HttpMessageInvoker(CreateHandler(options, validator), disposeHandler: true);
        var socket = CreateSocket(options);
        LogConnecting(_logger, options.StationIdentity, url, (int)options.SecurityProfile);
        try
        {
            await socket.ConnectAsync(url, invoker, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = Explain(ex, socket, validator, url);
            socket.Dispose();
            invoker.Dispose();
            LogConnectFailed(_logger, options.StationIdentity, failure.Failure, failure.Message);
            throw failure;
        }
        catch
        {
            socket.Dispose();
            invoker.Dispose();
            throw;
        }

        if (socket.SubProtocol != SubProtocol)
        {
            socket.Abort();
            socket.Dispose();
            invoker.Dispose();
            var message = $"The CSMS at {url} did not accept the WebSocket subprotocol '{SubProtocol}'; it does not speak OCPP 2.0.1 on this URL.";
            LogConnectFailed(_logger, options.StationIdentity, OcppConnectFailure.SubprotocolNotAccepted, message);
            throw new OcppConnectException(OcppConnectFailure.SubprotocolNotAccepted, message);
        }

        LogConnected(_logger, options.StationIdentity, url);
        return new OcppWebSocketChannel(socket, invoker, options.MaxFrameSize, _loggerFactory.CreateLogger<OcppWebSocketChannel>());
    }

    private static SocketsHttpHandler CreateHandler(ConnectionOptions options, CsmsCertificateValidator validator)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = options.Proxy is not null,
            Proxy = options.Proxy,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        if (!options.UsesTls)
        {
            return handler;
        }

        var ssl = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = options.TlsVersions,
            RemoteCertificateValidationCallback = validator.Validate,
            CertificateRevocationCheckMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
        };
        if (options.CipherSuites is { } suites)
        {
            if (OperatingSystem.IsWindows())
            {
                handler.Dispose();
                throw new OcppConnectException(OcppConnectFailure.InvalidConfiguration, "Restricting TLS cipher suites is not supported on Windows; leave the list out.");
            }

            ssl.CipherSuitesPolicy = new CipherSuitesPolicy(suites);
        }

        if (options.SecurityProfile == OcppSecurityProfile.TlsWithClientSideCertificates)
        {
            // The context sends the intermediates along with the leaf (A00.FR.4xx: the CSMS validates the whole chain).
            ssl.ClientCertificateContext = SslStreamCertificateContext.Create(options.ClientCertificate!, options.ClientCertificateChain, offline: true);
        }

        handler.SslOptions = ssl;
        return handler;
    }

    private static ClientWebSocket CreateSocket(ConnectionOptions options)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(SubProtocol);
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = options.WebSocketPingInterval;
        if (options.WebSocketPingInterval > TimeSpan.Zero)
        {
            // With a timeout the client sends real pings and aborts when no pong comes back in time.
            socket.Options.KeepAliveTimeout = options.WebSocketPongTimeout ?? options.WebSocketPingInterval;
        }

        if (options.SecurityProfile != OcppSecurityProfile.TlsWithClientSideCertificates && options.BasicAuthPassword is { } password)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.StationIdentity}:{password}"));
            socket.Options.SetRequestHeader("Authorization", "Basic " + credentials);
        }

        return socket;
    }

    private static OcppConnectException Explain(Exception ex, ClientWebSocket socket, CsmsCertificateValidator validator, Uri url)
    {
        var status = socket.HttpStatusCode;
        if (status == System.Net.HttpStatusCode.Unauthorized)
        {
            return new OcppConnectException(OcppConnectFailure.Unauthorized,
                $"The CSMS at {url} refused the station's credentials (HTTP 401); check the station identity and BasicAuthPassword or client certificate.", ex, 401);
        }

        if (status != 0 && status != System.Net.HttpStatusCode.SwitchingProtocols)
        {
            return new OcppConnectException(OcppConnectFailure.HttpRejected,
                $"The CSMS at {url} refused the WebSocket upgrade with HTTP {(int)status}{(status == System.Net.HttpStatusCode.NotFound ? " (unknown station identity or wrong URL)" : "")}.", ex, (int)status);
        }

        if (validator.Problem is { } problem)
        {
            return new OcppConnectException(OcppConnectFailure.InvalidCsmsCertificate,
                $"The CSMS server certificate was refused: {problem}.", ex);
        }

        if (TlsFailureClassifier.IsTlsFailure(ex))
        {
            return new OcppConnectException(TlsFailureClassifier.Classify(ex),
                $"The TLS handshake with {url.Host}:{url.Port} failed: {TlsFailureClassifier.Describe(ex)}", ex);
        }

        return new OcppConnectException(OcppConnectFailure.Unreachable,
            $"Could not connect to the CSMS at {url}: {TlsFailureClassifier.Describe(ex)}", ex);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Connecting {StationId} to {Url} with security profile {SecurityProfile}")]
    private static partial void LogConnecting(ILogger logger, string stationId, Uri url, int securityProfile);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Connected {StationId} to {Url}")]
    private static partial void LogConnected(ILogger logger, string stationId, Uri url);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Connecting {StationId} failed ({Failure}): {Reason}")]
    private static partial void LogConnectFailed(ILogger logger, string stationId, OcppConnectFailure failure, string reason);
}
