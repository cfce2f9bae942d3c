using Chargebox.Protocol.Messages;
using Chargebox.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Authorization;

/// <summary>Functional block C: decides whether a token may charge. Asks the CSMS with AuthorizeRequest
/// (C01) unless the answer is known locally: authorization disabled, a NoAuthorization token, a cached
/// Accepted token with LocalPreAuthorize (C10/C12), or the offline rules (LocalAuthorizeOffline,
/// OfflineTxForUnknownIdEnabled, C15). The answer comes back on the loop through a continuation, because the
/// loop must keep serving the CSMS while Authorize is outstanding.</summary>
internal sealed partial class AuthorizationBlock
{
    private readonly StationServices _services;
    private readonly ILogger _logger;

    public AuthorizationBlock(StationServices services)
    {
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<AuthorizationBlock>();
    }

    public AuthorizationCache Cache { get; } = new();

    /// <summary>Decides on <paramref name="token"/> and runs <paramref name="onDecided"/> on the loop with
    /// the outcome: at once when it is known locally, else once the CSMS answered (or could not).</summary>
    public async ValueTask AuthorizeAsync(IdTokenType token, Func<IdTokenInfoType, CancellationToken, ValueTask> onDecided, CancellationToken cancellationToken)
    {
        if (DecideLocally(token) is { } local)
        {
            LogDecided(_logger, _services.StationId, token.Type, local.Status, "local");
            await onDecided(local, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!_services.CanSendToCsms || _services.DeviceModel.Auth.DisableRemoteAuthorization)
        {
            await onDecided(DecideOffline(token), cancellationToken).ConfigureAwait(false);
            return;
        }

        _services.Link.Send(
            new AuthorizeRequest { IdToken = token },
            async (response, ct) =>
            {
                Remember(token, response.IdTokenInfo);
                LogDecided(_logger, _services.StationId, token.Type, response.IdTokenInfo.Status, "CSMS");
                await onDecided(response.IdTokenInfo, ct).ConfigureAwait(false);
            },
            (_, ct) => onDecided(DecideOffline(token), ct));
    }

    /// <summary>C10.FR.xx: the CSMS's IdTokenInfo in a TransactionEventResponse updates the cache too.</summary>
    public void Remember(IdTokenType token, IdTokenInfoType info)
    {
        var cache = _services.DeviceModel.AuthCache;
        if (cache.Enabled && token.Type is not (IdTokenEnumType.Central or IdTokenEnumType.NoAuthorization))
        {
            Cache.Update(token, info, _services.Clock.GetUtcNow(), cache.LifeTime);
        }
    }

    private IdTokenInfoType? DecideLocally(IdTokenType token)
    {
        // C-xx: with authorization disabled, and for a token that needs none, every start is allowed.
        if (!_services.DeviceModel.Auth.Enabled || token.Type == IdTokenEnumType.NoAuthorization)
        {
            return Accepted;
        }

        // C12.FR.02: LocalPreAuthorize starts at once on a valid cached token, without asking the CSMS.
        if (_services.CanSendToCsms && _services.DeviceModel.Auth.LocalPreAuthorize
            && FromCache(token) is { Status: AuthorizationStatusEnumType.Accepted } cached)
        {
            return cached;
        }

        return null;
    }

    private IdTokenInfoType DecideOffline(IdTokenType token)
    {
        var auth = _services.DeviceModel.Auth;
        var cached = FromCache(token);

        // C15.FR.xx: offline, a token known locally is decided by what is known of it.
        if (auth.LocalAuthorizeOffline && cached is not null)
        {
            return cached;
        }

        // C15.FR.04: OfflineTxForUnknownIdEnabled lets an unknown token charge while offline.
        if (cached is null && auth.OfflineTxForUnknownIdEnabled)
        {
            return Accepted;
        }

        return new IdTokenInfoType { Status = AuthorizationStatusEnumType.Unknown };
    }

    private IdTokenInfoType? FromCache(IdTokenType token) =>
        _services.DeviceModel.AuthCache.Enabled ? Cache.Find(token, _services.Clock.GetUtcNow()) : null;

    private static IdTokenInfoType Accepted => new() { Status = AuthorizationStatusEnumType.Accepted };

    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "Station {StationId}: {TokenType} token {Status} ({Source})")]
    private static partial void LogDecided(ILogger logger, string stationId, IdTokenEnumType tokenType, AuthorizationStatusEnumType status, string source);
}
