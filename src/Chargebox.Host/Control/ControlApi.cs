using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Chargebox.Host.Runtime;
using Chargebox.Protocol.Messages;
using Chargebox.Simulator;

namespace Chargebox.Host.Control;

/// <summary>The endpoints of the control API (docs/control-api.md): every manual action of a certification
/// test (plug, present a card, cut the network, cut the power...) as one HTTP request.</summary>
internal sealed class ControlApi(SimulatedStation station)
{
    /// <summary>IdTokenType.idToken is at most 36 characters (schema).</summary>
    private const int MaxIdTokenLength = 36;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/status", Guarded(GetStatusAsync));
        routes.MapPost("/api/evses/{evseId}/plug", Guarded(context => OnEvse(context, evseId => station.Charger.Plug(evseId))));
        routes.MapPost("/api/evses/{evseId}/unplug", Guarded(context => OnEvse(context, evseId => station.Charger.Unplug(evseId))));
        routes.MapPost("/api/evses/{evseId}/ev", Guarded(SetEvChargingAsync));
        routes.MapPost("/api/evses/{evseId}/fault", Guarded(SetFaultAsync));
        routes.MapPost("/api/tokens", Guarded(PresentTokenAsync));
        routes.MapPost("/api/network", Guarded(SetNetworkAsync));
        routes.MapPost("/api/power-cycle", Guarded(PowerCycleAsync));
    }

    private async Task GetStatusAsync(HttpContext context)
    {
        var (status, hardware) = await station.GetStatusAsync(context.RequestAborted).ConfigureAwait(false);
        await context.Response.WriteAsJsonAsync(StatusDocuments.From(status, hardware), ControlJsonContext.Default.StatusDocument, contentType: null, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task SetEvChargingAsync(HttpContext context)
    {
        var evseId = EvseId(context);
        var request = await ReadAsync(context, ControlJsonContext.Default.EvRequest).ConfigureAwait(false);
        var charging = request.Charging ?? throw ControlApiException.BadRequest("'charging' (true or false) is required");
        station.Charger.SetEvCharging(evseId, charging);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task SetFaultAsync(HttpContext context)
    {
        var evseId = EvseId(context);
        var request = await ReadAsync(context, ControlJsonContext.Default.FaultRequest).ConfigureAwait(false);
        var faulted = request.Faulted ?? throw ControlApiException.BadRequest("'faulted' (true or false) is required");
        station.Charger.SetFault(evseId, request.ConnectorId ?? 1, faulted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task PresentTokenAsync(HttpContext context)
    {
        var request = await ReadAsync(context, ControlJsonContext.Default.TokenRequest).ConfigureAwait(false);
        if (string.IsNullOrEmpty(request.IdToken))
        {
            throw ControlApiException.BadRequest("'idToken' is required");
        }

        if (request.IdToken.Length > MaxIdTokenLength)
        {
            throw ControlApiException.BadRequest($"'idToken' is at most {MaxIdTokenLength} characters");
        }

        var type = IdTokenEnumType.ISO14443;
        if (request.Type is not null && !IdTokenEnumTypeWire.TryParse(request.Type, out type))
        {
            throw ControlApiException.BadRequest($"unknown token type '{request.Type}'; use an IdTokenEnumType value such as ISO14443, ISO15693, eMAID, KeyCode, Central, Local, MacAddress, NoAuthorization");
        }

        station.Charger.PresentToken(new IdTokenType { IdToken = request.IdToken, Type = type }, request.EvseId);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task SetNetworkAsync(HttpContext context)
    {
        var request = await ReadAsync(context, ControlJsonContext.Default.NetworkRequest).ConfigureAwait(false);
        var online = request.Online ?? throw ControlApiException.BadRequest("'online' (true or false) is required");
        await station.Network.SetOnlineAsync(online).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task PowerCycleAsync(HttpContext context)
    {
        await station.PowerCycleAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static Task OnEvse(HttpContext context, Action<int> action)
    {
        action(EvseId(context));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    private static int EvseId(HttpContext context)
    {
        var text = context.Request.RouteValues["evseId"] as string;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw ControlApiException.BadRequest($"EVSE id '{text}' is not a positive integer");
    }

    private static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, typeInfo, context.RequestAborted).ConfigureAwait(false)
                ?? throw ControlApiException.BadRequest("the request body must be a JSON object");
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" at {ex.Path}";
            throw ControlApiException.BadRequest($"the request body is not valid JSON for this request{where}: {FirstSentence(ex.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    /// <summary>Maps refusals to 400 and 404 with <c>{ "error": ... }</c>; the simulator's exceptions say
    /// what is physically impossible (400) or which EVSE or connector does not exist (404).</summary>
    private static RequestDelegate Guarded(Func<HttpContext, Task> handler) => async context =>
    {
        int status;
        string message;
        try
        {
            await handler(context).ConfigureAwait(false);
            return;
        }
        catch (ControlApiException ex)
        {
            (status, message) = (ex.StatusCode, ex.Message);
        }
        catch (KeyNotFoundException ex)
        {
            (status, message) = (StatusCodes.Status404NotFound, ex.Message);
        }
        catch (InvalidSimulatorOperationException ex)
        {
            (status, message) = (StatusCodes.Status400BadRequest, ex.Message);
        }
        catch (ArgumentException ex)
        {
            (status, message) = (StatusCodes.Status400BadRequest, ex.Message);
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new ErrorDocument(message), ControlJsonContext.Default.ErrorDocument, contentType: null, context.RequestAborted).ConfigureAwait(false);
    };
}
