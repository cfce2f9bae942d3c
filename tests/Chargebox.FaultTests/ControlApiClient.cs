using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chargebox.FaultTests;

/// <summary>The test's hands on the station's control API (docs/control-api.md): plug, card, unplug, status.</summary>
internal sealed class ControlApiClient : IDisposable
{
    private readonly HttpClient _http;

    public ControlApiClient(Uri baseAddress) => _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };

    public Task PlugAsync(int evseId) => PostAsync($"api/evses/{evseId}/plug", null);

    public Task UnplugAsync(int evseId) => PostAsync($"api/evses/{evseId}/unplug", null);

    public Task PresentCardAsync(string idToken, int evseId) => PostAsync("api/tokens", new { idToken, type = "ISO14443", evseId });

    /// <summary>The transactionId running on the EVSE, or null; and whether the station is connected.</summary>
    public async Task<(bool Connected, string? TransactionId)> StatusAsync(int evseId)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync("api/status"));
        var root = document.RootElement;
        var evse = root.GetProperty("evses").EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == evseId);
        var transaction = evse.GetProperty("transaction");
        return (root.GetProperty("connected").GetBoolean(),
            transaction.ValueKind == JsonValueKind.Object ? transaction.GetProperty("transactionId").GetString() : null);
    }

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string path, object? body)
    {
        using var response = body is null ? await _http.PostAsync(path, null) : await _http.PostAsJsonAsync(path, body);
        if (response.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
