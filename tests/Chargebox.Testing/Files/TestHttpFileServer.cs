using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chargebox.Testing.Files;

/// <summary>A file server on 127.0.0.1 (Kestrel, a free port, HTTP or HTTPS) for firmware downloads and log
/// uploads: GET serves the files added with <see cref="Serve"/>, POST stores the multipart part named
/// "file" (or the raw body) under the request path, PUT stores the raw body. Requests are recorded.</summary>
public sealed class TestHttpFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _served = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();

    private TestHttpFileServer(X509Certificate2? serverCertificate)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (serverCertificate is not null)
            {
                listen.UseHttps(serverCertificate);
            }
        }));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>The server's base URL, ending in '/'.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request as "METHOD /path", in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Status code returned for every request when set (e.g. 500 to make transfers fail).</summary>
    public int? FailWith { get; set; }

    public static async Task<TestHttpFileServer> StartAsync(X509Certificate2? serverCertificate = null, CancellationToken cancellationToken = default)
    {
        var server = new TestHttpFileServer(serverCertificate);
        await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var scheme = serverCertificate is null ? "http" : "https";
        server.BaseUrl = new Uri($"{scheme}://127.0.0.1:{new Uri(address).Port}/");
        return server;
    }

    /// <summary>Makes <paramref name="content"/> downloadable at <paramref name="path"/>; returns its URL.</summary>
    public Uri Serve(string path, byte[] content)
    {
        var key = "/" + path.TrimStart('/');
        _served[key] = content;
        return new Uri(BaseUrl, key.TrimStart('/'));
    }

    /// <summary>The bytes uploaded to <paramref name="path"/>, or null.</summary>
    public byte[]? Uploaded(string path) => _uploads.TryGetValue("/" + path.TrimStart('/'), out var bytes) ? bytes : null;

    /// <summary>Every upload so far by path.</summary>
    public IReadOnlyDictionary<string, byte[]> Uploads => new Dictionary<string, byte[]>(_uploads, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        _requests.Enqueue($"{context.Request.Method} {path}");
        if (FailWith is { } status)
        {
            context.Response.StatusCode = status;
            return;
        }

        switch (context.Request.Method)
        {
            case "GET" when _served.TryGetValue(path, out var content):
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
                return;
            case "GET":
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            case "POST" when context.Request.HasFormContentType:
                var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                if (form.Files.GetFile("file") is not { } file)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    return;
                }

                using (var buffer = new MemoryStream())
                {
                    await file.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                    var target = path.EndsWith('/') ? path + file.FileName : path;
                    _uploads[target] = buffer.ToArray();
                }

                return;
            case "POST" or "PUT":
                using (var buffer = new MemoryStream())
                {
                    await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
                    _uploads[path] = buffer.ToArray();
                }

                return;
            default:
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
        }
    }
}
