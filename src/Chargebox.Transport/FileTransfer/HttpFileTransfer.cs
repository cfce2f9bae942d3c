using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Chargebox.Transport.FileTransfer;

/// <summary>HTTP and HTTPS through <see cref="HttpClient"/>: GET to download, POST of a multipart/form-data
/// body (one part named "file") to upload, as log-collection servers commonly accept. User information in
/// the URL (<c>https://user:password@host/...</c>) becomes Basic authentication.</summary>
public sealed class HttpFileTransfer : IFileTransfer
{
    private const int BufferSize = 81920;
    private readonly HttpClient _client;

    /// <param name="client">The client to use; its handler decides which server certificates are trusted.</param>
    public HttpFileTransfer(HttpClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    public IReadOnlyCollection<string> Protocols { get; } = ["HTTP", "HTTPS"];

    public async Task DownloadAsync(Uri location, string destinationPath, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Checked(location));
        Authorize(request, location);
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = new FileStream(destinationPath, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    var buffer = new byte[BufferSize];
                    long total = 0;
                    int read;
                    while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                        total += read;
                        progress?.Report(total);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new FileTransferException(FileTransferFailure.TransferFailed, $"Download of {Redacted(location)} broke: {ex.Message}", ex);
        }
    }

    public async Task UploadAsync(string sourcePath, Uri location, string fileName, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var target = Checked(location);
        var file = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            using var content = new MultipartFormDataContent();
            var part = new StreamContent(file, BufferSize);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "file", fileName);
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
            Authorize(request, location);
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            progress?.Report(file.Length);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new FileTransferException(FileTransferFailure.Unreachable, $"{Redacted(request.RequestUri!)} could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FileTransferException(FileTransferFailure.Unreachable, $"{Redacted(request.RequestUri!)} did not answer in time.", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        var status = response.StatusCode;
        response.Dispose();
        var failure = status switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone => FileTransferFailure.NotFound,
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => FileTransferFailure.PermissionDenied,
            _ => FileTransferFailure.TransferFailed,
        };
        throw new FileTransferException(failure, $"{request.Method} {Redacted(request.RequestUri!)} answered {(int)status} {status}.");
    }

    private Uri Checked(Uri location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!location.IsAbsoluteUri || !Protocols.Contains(location.Scheme, StringComparer.OrdinalIgnoreCase) || string.IsNullOrEmpty(location.Host))
        {
            throw new FileTransferException(FileTransferFailure.InvalidLocation, $"'{Redacted(location)}' is not an http or https URL.");
        }

        // The user information travels as an Authorization header, never in the request line.
        return new UriBuilder(location) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    private static void Authorize(HttpRequestMessage request, Uri location)
    {
        if (string.IsNullOrEmpty(location.UserInfo))
        {
            return;
        }

        var credentials = Uri.UnescapeDataString(location.UserInfo);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }

    /// <summary>The location without its password, for messages and logs.</summary>
    internal static string Redacted(Uri location) =>
        location.IsAbsoluteUri && !string.IsNullOrEmpty(location.UserInfo)
            ? new UriBuilder(location) { Password = string.IsNullOrEmpty(location.UserInfo) ? string.Empty : "***" }.Uri.ToString()
            : location.ToString();
}
