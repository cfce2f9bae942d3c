using System.Globalization;
using Chargebox.Protocol.Messages;
using Chargebox.Station.Authorization;
using Chargebox.Station.Runtime;

namespace Chargebox.Station.CustomerInformation;

/// <summary>The customer records of this station: its Authorization Cache entry for the token (C10). The Local
/// Authorization List is not customer data to clear (N10: everything except the local list), and the station
/// keeps no other data per customer.</summary>
internal sealed class AuthorizationCacheRecords : ICustomerRecords
{
    private readonly AuthorizationBlock _authorization;
    private readonly StationServices _services;

    public AuthorizationCacheRecords(StationServices services, AuthorizationBlock authorization)
    {
        _services = services;
        _authorization = authorization;
    }

    public IReadOnlyList<string> Describe(IdTokenType token)
    {
        if (_authorization.Cache.Find(token, _services.Clock.GetUtcNow(), _services.DeviceModel.AuthCache.LifeTime) is not { } info)
        {
            return [];
        }

        var line = $"AuthorizationCache: idToken {token.IdToken} ({token.Type.ToWireString()}), status {info.Status.ToWireString()}";
        if (info.CacheExpiryDateTime is { } expiry)
        {
            line += ", expires " + expiry.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        if (info.GroupIdToken is { } group)
        {
            line += $", group {group.IdToken} ({group.Type.ToWireString()})";
        }

        if (info.Language1 is { } language)
        {
            line += ", language " + language;
        }

        return [line];
    }

    public ValueTask ClearAsync(IdTokenType token, CancellationToken cancellationToken) =>
        _authorization.Cache.RemoveAsync(token, cancellationToken);
}
