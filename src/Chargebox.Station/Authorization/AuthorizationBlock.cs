using Chargebox.Protocol.Messages;
using Chargebox.Station.DeviceModel;
using Chargebox.Station.Runtime;
using Microsoft.Extensions.Logging;

namespace Chargebox.Station.Authorization;

/// <summary>Functional block C: decides whether a token may charge. Asks the CSMS with AuthorizeRequest
/// (C01) unless the answer is known locally: authorization disabled, a NoAuthorization token, a cached
/// Accepted token with LocalPreAuthorize (C12), a cached refused token with DisablePostAuthorize (C-59), or
/// the offline rules (LocalAuthorizeOffline, OfflineTxForUnknownIdEnabled, C15). The answer comes back on
/// the loop through a continuation, because the loop must keep serving the CSMS while Authorize is
/// outstanding. Also serves ClearCache (C11).</summary>
internal sealed partial class AuthorizationBlock
{
    private static readonly ComponentKey AuthCacheCtrlr = new("AuthCacheCtrlr");
    private static readonly VariableKey Storage = new("Storage");

    // Used when the profile gives AuthCacheCtrlr.Storage no maxLimit.
    private const long DefaultCapacityBytes = 1024 * 1024;

    private readonly StationServices _services;
    private readonly ILogger _logger;
    private readonly LocalAuthListCtrlr _localListCtrlr;

    public AuthorizationBlock(StationServices services)
    {
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<AuthorizationBlock>();
        Cache = new AuthorizationCache(services.Store.AuthorizationCache);
        LocalList = new LocalAuthList(services.Store.LocalAuthList);
        _localListCtrlr = new LocalAuthListCtrlr(services.DeviceModel);
        _ = new LocalAuthListBlock(services, LocalList);
        services.Router.On<ClearCacheRequest, ClearCacheResponse>(OnClearCacheAsync);

        // The persisted cache is read first thing on the loop, so every reader finds it loaded.
        services.Inbox.Post(ct => Cache.LoadAsync(ct));
    }

    public AuthorizationCache Cache { get; }

    /// <summary>The Local Authorization List (D01), consulted before the cache (C13.FR.01, C14.FR.01).</summary>
    public LocalAuthList LocalList { get; }

    /// <summary>Decides on <paramref name="token"/> and runs <paramref name="onDecided"/> on the loop with
    /// the outcome: at once when it is known locally, else once the CSMS answered (or could not).</summary>
    public async ValueTask AuthorizeAsync(IdTokenType token, Func<IdTokenInfoType, CancellationToken, ValueTask> onDecided, CancellationToken cancellationToken)
    {
        if (await DecideLocallyAsync(token, cancellationToken).ConfigureAwait(false) is { } local)
        {
            LogDecided(_logger, _services.StationId, token.Type, local.Status, "local");
            await onDecided(local, cancellationToken).ConfigureAwait(false);
            return;
        }

        // C-58: with DisableRemoteAuthorization the station decides from what it knows, as when offline.
        if (!_services.CanSendToCsms || _services.DeviceModel.Auth.DisableRemoteAuthorization)
        {
            var offline = await DecideOfflineAsync(token, cancellationToken).ConfigureAwait(false);
            LogDecided(_logger, _services.StationId, token.Type, offline.Status, "offline");
            await onDecided(offline, cancellationToken).ConfigureAwait(false);
            return;
        }

        _services.Link.Send(
            new AuthorizeRequest { IdToken = token },
            async (response, ct) =>
            {
                await RememberAsync(token, response.IdTokenInfo, ct).ConfigureAwait(false);
                CsmsAnswered?.Invoke(response.IdTokenInfo);
                LogDecided(_logger, _services.StationId, token.Type, response.IdTokenInfo.Status, "CSMS");
                await onDecided(response.IdTokenInfo, ct).ConfigureAwait(false);
            },
            async (_, ct) => await onDecided(await DecideOfflineAsync(token, ct).ConfigureAwait(false), ct).ConfigureAwait(false));
    }

    /// <summary>Raised on the loop with the IdTokenInfo of every AuthorizeResponse (I01/I02: its personal message).</summary>
    public event Action<IdTokenInfoType>? CsmsAnswered;

    /// <summary>C10: every IdTokenInfo from the CSMS (AuthorizeResponse, TransactionEventResponse) updates the cache.</summary>
    public async ValueTask RememberAsync(IdTokenType token, IdTokenInfoType info, CancellationToken cancellationToken)
    {
        if (!_services.DeviceModel.AuthCache.Enabled || token.Type is IdTokenEnumType.Central or IdTokenEnumType.NoAuthorization)
        {
            return;
        }

        // A token in the Local Authorization List is never cached: the list alone says what is known of it,
        // and only SendLocalList changes that (D01).
        if (await FromLocalListAsync(token, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        await Cache.UpdateAsync(token, info, _services.Clock.GetUtcNow(), CapacityBytes(), cancellationToken).ConfigureAwait(false);
        ReportStorage();
    }

    /// <summary>C16: a token whose group is AuthCtrlr.MasterPassGroupId is a master pass: it stops
    /// transactions and never starts one (C16.FR.03).</summary>
    public bool IsMasterPass(IdTokenInfoType info) =>
        _services.DeviceModel.Auth.MasterPassGroupId is { Length: > 0 } master
        && info.GroupIdToken is { } group
        && string.Equals(group.IdToken, master, StringComparison.OrdinalIgnoreCase);

    private async ValueTask<ClearCacheResponse> OnClearCacheAsync(ClearCacheRequest request, CancellationToken cancellationToken)
    {
        // C11.FR.04: nothing to clear while the cache is disabled.
        if (!_services.DeviceModel.AuthCache.Enabled)
        {
            return new ClearCacheResponse { Status = ClearCacheStatusEnumType.Rejected };
        }

        await Cache.ClearAsync(cancellationToken).ConfigureAwait(false);
        ReportStorage();
        return new ClearCacheResponse { Status = ClearCacheStatusEnumType.Accepted };
    }

    private async ValueTask<IdTokenInfoType?> DecideLocallyAsync(IdTokenType token, CancellationToken cancellationToken)
    {
        // With authorization disabled, and for a token that needs none, every start is allowed.
        if (!_services.DeviceModel.Auth.Enabled || token.Type == IdTokenEnumType.NoAuthorization)
        {
            return Accepted;
        }

        if (!_services.CanSendToCsms)
        {
            return null;
        }

        // C14.FR.01: a listed token is decided by the list, never by the cache.
        if (await FromLocalListAsync(token, cancellationToken).ConfigureAwait(false) is { } listed)
        {
            // C14.FR.02: with LocalPreAuthorize an Accepted token starts without asking the CSMS. C14.FR.03: any
            // other status is asked again, unless LocalAuthListCtrlr.DisablePostAuthorize says it stands.
            return listed.Status == AuthorizationStatusEnumType.Accepted
                ? _services.DeviceModel.Auth.LocalPreAuthorize ? listed : null
                : _localListCtrlr.DisablePostAuthorize ? listed : null;
        }

        if (await FromCacheAsync(token, cancellationToken).ConfigureAwait(false) is not { } cached)
        {
            return null;
        }

        // C12.FR.02: LocalPreAuthorize starts at once on a valid cached token, without asking the CSMS.
        if (cached.Status == AuthorizationStatusEnumType.Accepted)
        {
            return _services.DeviceModel.Auth.LocalPreAuthorize ? cached : null;
        }

        // C-59: a cached token that is not Accepted is asked again (C10.FR.03, C12.FR.05) unless
        // DisablePostAuthorize says the cached refusal stands.
        return _services.DeviceModel.AuthCache.DisablePostAuthorize ? cached : null;
    }

    private async ValueTask<IdTokenInfoType> DecideOfflineAsync(IdTokenType token, CancellationToken cancellationToken)
    {
        var auth = _services.DeviceModel.Auth;
        if (!auth.Enabled || token.Type == IdTokenEnumType.NoAuthorization)
        {
            return Accepted;
        }

        // C13.FR.01: offline the list comes before the cache; C13.FR.04: a listed token is not unknown.
        var cached = await FromLocalListAsync(token, cancellationToken).ConfigureAwait(false)
            ?? await FromCacheAsync(token, cancellationToken).ConfigureAwait(false);

        // C15: offline, a token known locally is decided by what is known of it.
        if (auth.LocalAuthorizeOffline && cached is not null)
        {
            return cached;
        }

        // C15 (C-02): OfflineTxForUnknownIdEnabled lets an unknown token charge while offline.
        if (cached is null && auth.OfflineTxForUnknownIdEnabled)
        {
            return Accepted;
        }

        return new IdTokenInfoType { Status = AuthorizationStatusEnumType.Unknown };
    }

    private async ValueTask<IdTokenInfoType?> FromCacheAsync(IdTokenType token, CancellationToken cancellationToken)
    {
        var cache = _services.DeviceModel.AuthCache;
        if (!cache.Enabled)
        {
            return null;
        }

        var found = await Cache.FindAsync(token, _services.Clock.GetUtcNow(), cache.LifeTime, cancellationToken).ConfigureAwait(false);
        ReportStorage();
        return found;
    }

    private async ValueTask<IdTokenInfoType?> FromLocalListAsync(IdTokenType token, CancellationToken cancellationToken) =>
        _localListCtrlr.InUse ? await LocalList.FindAsync(token, cancellationToken).ConfigureAwait(false) : null;

    private long CapacityBytes() =>
        _services.DeviceModel.Find(AuthCacheCtrlr, Storage)?.Characteristics.MaxLimit is { } max ? (long)max : DefaultCapacityBytes;

    // AuthCacheCtrlr.Storage: the bytes the cache takes now.
    private void ReportStorage()
    {
        if (_services.DeviceModel.Find(AuthCacheCtrlr, Storage) is not null)
        {
            _services.DeviceModel.UpdateActual(AuthCacheCtrlr, Storage, Cache.SizeInBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static IdTokenInfoType Accepted => new() { Status = AuthorizationStatusEnumType.Accepted };

    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "Station {StationId}: {TokenType} token {Status} ({Source})")]
    private static partial void LogDecided(ILogger logger, string stationId, IdTokenEnumType tokenType, AuthorizationStatusEnumType status, string source);
}
